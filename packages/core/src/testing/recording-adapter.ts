import { HamiltonError } from '@hamilton-ts/result-builders';
import type { GraphAdapter, HookName } from '../lifecycle/hooks.js';
import { RecordedRun, type RecordedValue } from './recorded-run.js';
import { type NodeCall, RunLog } from './run-log.js';
import { testingMessages as text } from './testing-messages.js';

type EventOf<K extends HookName> = Parameters<NonNullable<GraphAdapter[K]>>[0];

/**
 * A lifecycle adapter that records every run of the drivers it is given to: which nodes ran, in
 * the order they started, with their kwargs and results or errors, and what was overridden. The
 * accessors read the last run; `runs` holds them all. It keeps every value it sees, so it is for
 * tests. `M` (the modules' type) types `valueOf` as the driver types results.
 *
 * Runs are told apart by `runId`; give each driver its own recorder when drivers run at the same time.
 *
 * @example
 * const recorder = new RecordingAdapter<typeof SpendFeatures>();
 * const dr = new Driver({}, SpendFeatures, { adapter: [recorder, new DictResult()] });
 * await dr.execute(['spendPerSignup'], { overrides: { spendUsd }, inputs: { signups } });
 * recorder.ran; // ['spendPerSignup']: spendUsd was overridden, so it did not run
 * recorder.kwargsOf('spendPerSignup'); // { spendUsd, signups }
 */
export class RecordingAdapter<M = unknown> implements GraphAdapter {
  private recorded: RecordedRun<M>[] = [];
  private open = new Map<string, RunLog>();

  /** Every recorded run, oldest first. */
  get runs(): readonly RecordedRun<M>[] {
    return this.recorded;
  }

  /** The run that started last. Throws a `HamiltonError` when no run was recorded. */
  get lastRun(): RecordedRun<M> {
    const last = this.recorded.at(-1);
    if (!last) throw new HamiltonError(text.noRunYet());
    return last;
  }

  /** The names of the nodes the last run called, in the order they started. */
  get ran(): string[] {
    return this.lastRun.ran;
  }

  /** The node calls of the last run, in the order they started. */
  get calls(): readonly NodeCall[] {
    return this.lastRun.calls;
  }

  /** The nodes the last run's overrides replaced. */
  get overridden(): string[] {
    return this.lastRun.overridden;
  }

  /** The value node `name` returned in the last run. Throws a `HamiltonError` if it did not run, failed, or ran more than once. */
  valueOf<const K extends string>(name: K): RecordedValue<M, K>;
  /** A type argument types nodes the modules' types cannot see (renamed nodes, nodes made by modifiers). */
  valueOf<T>(name: string): T;
  valueOf(name: string): unknown {
    return this.lastRun.valueOf(name);
  }

  /** The dependency values node `name` received in the last run, by dependency name. */
  kwargsOf(name: string): Readonly<Record<string, unknown>> {
    return this.lastRun.kwargsOf(name);
  }

  /** What node `name` threw or rejected with in the last run. */
  errorOf(name: string): unknown {
    return this.lastRun.errorOf(name);
  }

  /** The calls of node `name` in the last run (several inside a @parallelizable block). */
  callsOf(name: string): NodeCall[] {
    return this.lastRun.callsOf(name);
  }

  /** Forgets every run, e.g. between tests sharing one driver; runs still going are no longer recorded. */
  clear(): void {
    this.recorded = [];
    this.open = new Map();
  }

  preGraphExecute({ runId, outputs, inputs, overrides }: EventOf<'preGraphExecute'>): void {
    const log = new RunLog({ runId, outputs, inputs, overrides });
    this.open.set(runId, log);
    this.recorded.push(new RecordedRun<M>(log));
  }

  preNodeExecute({ runId, node, kwargs }: EventOf<'preNodeExecute'>): void {
    this.open.get(runId)?.started(node, kwargs);
  }

  postNodeExecute({ runId, node, kwargs, success, error, result }: EventOf<'postNodeExecute'>): void {
    this.open.get(runId)?.settled(node, kwargs, { success, error, result });
  }

  postGraphExecute({ runId, success, error, results }: EventOf<'postGraphExecute'>): void {
    const log = this.open.get(runId);
    if (!log) return;
    log.outcome = success && results ? { status: 'succeeded', results } : { status: 'failed', error };
    // The executor settles every node before the run: nothing of this run can follow.
    this.open.delete(runId);
  }
}
