import { HamiltonError } from '@hamilton-ts/result-builders';
import { NodeExecutionError } from '../errors/node-execution-error.js';
import { isThenable } from '../lifecycle/hook-set.js';
import { runBlock } from './block-runner.js';
import { Budget } from './budget.js';
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
 * The one DAG walker. With a concurrency of 1 it runs the plan's steps in order (dependencies
 * first), awaiting only thenables, so synchronous graphs run without a promise per node. Above 1 it
 * starts every ready node, at most `maxConcurrency` awaiting at once across this run and the
 * per-item runs of its parallelizable blocks. A value is released once no pending node or
 * requested output needs it.
 *
 * Failures are deterministic whatever the concurrency: the run rejects with the failure of the
 * earliest step in plan order, which is the one a sequential run meets first. Once a step fails, no
 * later step starts; earlier ones still run, and the run settles when nothing is in flight.
 */
export function runPlan(plan: ExecutionPlan, values: unknown[], invoke: InvokeNode, maxConcurrency: number): Promise<void> {
  try {
    return new PlanRun(plan, values, invoke, new Budget(maxConcurrency)).start() ?? Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One walk of one plan: the whole run, or one item of a parallelizable block. */
export class PlanRun implements RunState {
  private readonly refs: Int32Array;
  private pending: Int32Array | undefined;
  private readonly ready: number[] = [];
  /** Steps and blocks started and not settled. */
  private inFlight = 0;
  private cursor = 0;
  private failedAt = Number.POSITIVE_INFINITY;
  private cancelled = false;
  private failure: Error | undefined;
  private settled: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private waiting = false;

  constructor(
    private readonly plan: ExecutionPlan,
    private readonly values: unknown[],
    private readonly invoke: InvokeNode,
    readonly budget: Budget,
  ) {
    this.refs = plan.refCounts.slice();
  }

  /** Runs to the end: `undefined` when everything completed synchronously, else a promise. */
  start(): Promise<void> | undefined {
    if (this.budget.sequential) return this.runInOrder();
    this.pending = this.plan.pending.slice();
    // Pushed in reverse so that popping follows plan order, which keeps few values alive.
    for (let i = this.plan.steps.length - 1; i >= 0; i--) if (this.pending[i] === 0) this.ready.push(i);
    this.pump();
    return this.outcome();
  }

  /** Stops starting steps: a sibling item earlier in its block failed. */
  cancel(): void {
    this.cancelled = true;
  }

  /** A walk of a block's plan for one item, sharing this run's invoker and budget. */
  child(plan: ExecutionPlan, values: unknown[]): PlanRun {
    return new PlanRun(plan, values, this.invoke, this.budget);
  }

  isLastRead(slot: number): boolean {
    return slot >= 0 && this.refs[slot] === 1 && this.plan.stepOfSlot[slot] >= 0;
  }

  /** Sequential mode: steps in plan order; resumes from the callback of the first thenable. */
  private runInOrder(): Promise<void> | undefined {
    const steps = this.plan.steps;
    for (; this.cursor < steps.length; this.cursor++) {
      const index = this.cursor;
      let result: unknown;
      try {
        result = this.startStep(index);
      } catch (error) {
        throw this.wrap(steps[index], error);
      }
      if (isThenable(result)) {
        return Promise.resolve(result).then(
          (value) => {
            this.complete(index, value);
            this.cursor++;
            return this.runInOrder();
          },
          (error) => {
            throw this.wrap(steps[index], error);
          },
        );
      }
      this.complete(index, result);
    }
    return undefined;
  }

  /** Concurrent mode: starts ready steps while the shared budget allows. */
  pump(): void {
    this.waiting = false;
    while (this.ready.length > 0) {
      const index = this.ready[this.ready.length - 1];
      if (index > this.failedAt || this.cancelled) {
        this.ready.pop();
        continue;
      }
      const step = this.plan.steps[index];
      if (!step.block && !this.budget.take()) {
        this.waiting = true;
        this.budget.wait(this);
        break;
      }
      this.ready.pop();
      let result: unknown;
      try {
        result = this.startStep(index);
      } catch (error) {
        if (!step.block) this.budget.give();
        this.fail(index, error);
        continue;
      }
      if (isThenable(result)) {
        this.inFlight++;
        result.then(
          (value) => this.settle(step, () => this.complete(index, value)),
          (error) => this.settle(step, () => this.fail(index, error)),
        );
      } else {
        if (!step.block) this.budget.give();
        this.complete(index, result);
      }
    }
    if (this.inFlight === 0 && !this.waiting) this.finish();
  }

  private startStep(index: number): unknown {
    const step = this.plan.steps[index];
    const args = this.argumentsOf(step);
    return step.block ? runBlock(step, args, this) : this.invoke(step, args, this);
  }

  private settle(step: PlanStep, record: () => void): void {
    this.inFlight--;
    record();
    if (!step.block) this.budget.give();
    this.pump();
    this.budget.wake();
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
    for (const slot of step.args) if (slot >= 0 && --this.refs[slot] === 0) this.values[slot] = undefined;
    if (!this.pending) return;
    const consumers = this.plan.consumers[step.slot];
    // Reverse, so the earliest consumer in plan order is popped first.
    for (let i = consumers.length - 1; i >= 0; i--) if (--this.pending[consumers[i]] === 0) this.ready.push(consumers[i]);
  }

  private fail(index: number, error: unknown): void {
    if (index >= this.failedAt) return;
    this.failedAt = index;
    this.failure = this.wrap(this.plan.steps[index], error);
  }

  private wrap(step: PlanStep, error: unknown): Error {
    return error instanceof HamiltonError ? error : new NodeExecutionError(step.node.name, step.node.origin?.className, error);
  }

  private outcome(): Promise<void> | undefined {
    if (this.inFlight === 0 && !this.waiting) {
      if (this.failure) throw this.failure;
      return undefined;
    }
    return new Promise((resolve, reject) => {
      this.settled = { resolve, reject };
    });
  }

  private finish(): void {
    if (!this.settled) return;
    if (this.failure) this.settled.reject(this.failure);
    else this.settled.resolve();
  }
}
