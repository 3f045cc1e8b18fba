import { HamiltonError } from '@hamilton-ts/result-builders';
import type { NodeTypes } from '../driver/typed-outputs.js';
import type { NodeCall, RunLog, RunOutcome, RunRequest } from './run-log.js';
import { testingMessages as text } from './testing-messages.js';

/** The value type of node `K` in modules `M`, `unknown` where the modules' types cannot see it. */
export type RecordedValue<M, K extends string> = (NodeTypes<M> & Record<string, unknown>)[K];

/**
 * One run seen by a `RecordingAdapter`: the nodes it called, in the order they started, with their
 * kwargs and outcomes. `M` types `valueOf` like the driver's results.
 *
 * @example
 * const [first] = recorder.runs;
 * first.ran; // ['spendUsd', 'spendPerSignup']
 * first.valueOf('spendUsd'); // Float64Array
 */
export class RecordedRun<M = unknown> {
  constructor(private readonly log: RunLog) {}

  /** What the run was asked for: outputs, inputs and overrides. */
  get request(): RunRequest {
    return this.log.request;
  }

  get runId(): string {
    return this.log.request.runId;
  }

  /** Every node call, in the order the calls started (a node inside a @parallelizable block once per item). */
  get calls(): readonly NodeCall[] {
    return this.log.calls;
  }

  /** The names of the nodes called, in the order they started. */
  get ran(): string[] {
    return this.log.calls.map((call) => call.name);
  }

  /** The nodes replaced by overrides: none of them ran, nor anything only they needed. */
  get overridden(): string[] {
    return Object.keys(this.log.request.overrides);
  }

  /** How the run ended: `running` until the driver's call settles. */
  get outcome(): RunOutcome {
    return this.log.outcome;
  }

  /** The calls of node `name` (several for a node inside a @parallelizable block, none if it did not run). */
  callsOf(name: string): NodeCall[] {
    return this.log.calls.filter((call) => call.name === name);
  }

  /** The value node `name` returned (awaited). Throws a `HamiltonError` if it did not run, failed, or ran more than once. */
  valueOf<const K extends string>(name: K): RecordedValue<M, K>;
  /** A type argument types nodes the modules' types cannot see (renamed nodes, nodes made by modifiers). */
  valueOf<T>(name: string): T;
  valueOf(name: string): unknown {
    const call = this.onlyCallOf(name);
    if (call.status === 'failed') throw new HamiltonError(text.failed(name, call.error), { cause: call.error });
    if (call.status === 'running') throw new HamiltonError(text.stillRunning(name));
    return call.result;
  }

  /** The dependency values node `name` received, by dependency name. Throws a `HamiltonError` if it did not run, or ran more than once. */
  kwargsOf(name: string): Readonly<Record<string, unknown>> {
    return this.onlyCallOf(name).kwargs;
  }

  /** What node `name` threw or rejected with. Throws a `HamiltonError` if it did not run or did not fail. */
  errorOf(name: string): unknown {
    const call = this.onlyCallOf(name);
    if (call.status !== 'failed') throw new HamiltonError(text.noError(name, call.status === 'running' ? 'is still running' : 'succeeded'));
    return call.error;
  }

  private onlyCallOf(name: string): NodeCall {
    const calls = this.callsOf(name);
    if (calls.length === 1) return calls[0];
    if (calls.length > 1) throw new HamiltonError(text.ranSeveralTimes(name, calls.length));
    throw new HamiltonError(
      text.didNotRun(name, {
        runId: this.runId,
        ran: this.ran,
        overridden: Object.hasOwn(this.log.request.overrides, name),
        input: Object.hasOwn(this.log.request.inputs, name),
      }),
    );
  }
}
