import { HamiltonError } from '@hamilton-ts/result-builders';
import { NodeExecutionError } from '../errors/node-execution-error.js';
import { isThenable } from '../lifecycle/hook-set.js';
import type { ExecutionPlan, PlanStep } from './execution-plan.js';

/**
 * Runs one node given its positional arguments. Engines and lifecycle adapters plug in here
 * (deciding where and how a node runs); the walk over the DAG stays in `runPlan`.
 */
export type InvokeNode = (step: PlanStep, args: unknown[], run: RunState) => unknown;

/** What an invoker may ask the walker about the run in progress. */
export interface RunState {
  /** True when the value in `slot` was computed in this run and the node being started is its last reader. */
  isLastRead(slot: number): boolean;
}

/**
 * The one DAG walker. Starts ready nodes in dependency order, at most `maxConcurrency` of them
 * awaiting at once; a node's result is awaited only if it is a thenable, so synchronous graphs
 * run without a promise per node. A value is released as soon as no pending node or requested
 * output needs it. On the first failure no further node starts; the run rejects once the nodes
 * already in flight have settled.
 */
export function runPlan(plan: ExecutionPlan, values: unknown[], invoke: InvokeNode, maxConcurrency: number): Promise<void> {
  return new Promise((resolve, reject) => new PlanRun(plan, values, invoke, maxConcurrency, resolve, reject).pump());
}

class PlanRun implements RunState {
  private readonly refs: Int32Array;
  private readonly pending: Int32Array;
  private readonly ready: number[] = [];
  private running = 0;
  private done = 0;
  private failure: Error | undefined;

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly values: unknown[],
    private readonly invoke: InvokeNode,
    private readonly maxConcurrency: number,
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.refs = plan.refCounts.slice();
    this.pending = plan.pending.slice();
    // Pushed in reverse so that popping follows the plan's depth-first order, which keeps few values alive.
    for (let i = plan.steps.length - 1; i >= 0; i--) if (this.pending[i] === 0) this.ready.push(i);
  }

  pump(): void {
    while (this.ready.length > 0 && this.running < this.maxConcurrency && !this.failure) {
      const index = this.ready.pop()!;
      const step = this.plan.steps[index];
      let result: unknown;
      try {
        result = this.invoke(step, this.argumentsOf(step), this);
      } catch (error) {
        this.fail(step, error);
        break;
      }
      if (isThenable(result)) {
        this.running++;
        result.then(
          (value) => this.settle(() => this.complete(index, value)),
          (error) => this.settle(() => this.fail(step, error)),
        );
      } else this.complete(index, result);
    }
    if (this.running > 0) return;
    if (this.failure) this.reject(this.failure);
    else if (this.done === this.plan.steps.length) this.resolve();
  }

  isLastRead(slot: number): boolean {
    return slot >= 0 && this.refs[slot] === 1 && this.plan.stepOfSlot[slot] >= 0;
  }

  private settle(record: () => void): void {
    this.running--;
    record();
    this.pump();
  }

  private argumentsOf(step: PlanStep): unknown[] {
    const slots = step.args;
    const args = new Array(slots.length);
    for (let i = 0; i < slots.length; i++) args[i] = slots[i] < 0 ? undefined : this.values[slots[i]];
    return args;
  }

  private complete(index: number, value: unknown): void {
    const step = this.plan.steps[index];
    this.values[step.slot] = value;
    this.done++;
    for (const slot of step.args) if (slot >= 0 && --this.refs[slot] === 0) this.values[slot] = undefined;
    for (const consumer of this.plan.consumers[step.slot]) if (--this.pending[consumer] === 0) this.ready.push(consumer);
  }

  private fail(step: PlanStep, error: unknown): void {
    if (this.failure) return;
    this.failure = error instanceof HamiltonError ? error : new NodeExecutionError(step.node.name, step.node.origin?.className, error);
  }
}
