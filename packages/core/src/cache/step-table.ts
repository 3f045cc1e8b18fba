import type { ExecutionPlan, PlanStep } from '../execution/execution-plan.js';
import type { NodeKeying } from './node-keys.js';

/** A step whose way through the cache is not decided yet (it has not started in this run). */
export const UNDECIDED = 0;
/** A step computed without a key: its typed array result is copied and keyed by the writer thread. */
export const DEFERRED = 1;
/** A step keyed and looked up before it runs. */
export const KEYED = 2;

/**
 * What the cache knows of each step of one run's plan, in typed arrays indexed by step and slot: a
 * cold run of thousands of nodes then makes no map entry, set entry or object per node, which measured
 * as much as the rest of its bookkeeping together (they grow during the run, and young-generation
 * collections copy them again and again).
 */
export class StepTable {
  /** Per step: `UNDECIDED`, `DEFERRED` or `KEYED`. */
  readonly modes: Uint8Array;
  /** Per step: its result's index in the run's deferred log, or -1. */
  readonly deferredOfStep: Int32Array;
  /** Per slot: the index in the deferred log of the value in it, or -1. */
  readonly deferredInSlot: Int32Array;

  constructor(
    readonly plan: ExecutionPlan,
    /** Per step, its node's keying. */
    readonly keyings: readonly NodeKeying[],
  ) {
    this.modes = new Uint8Array(plan.steps.length);
    this.deferredOfStep = new Int32Array(plan.steps.length).fill(-1);
    this.deferredInSlot = new Int32Array(plan.slotCount).fill(-1);
  }

  /** The index of `step` in this plan, or -1 for a step of another plan (an item's walk of a parallelizable block). */
  indexOf(step: PlanStep): number {
    const index = this.plan.stepOfSlot[step.slot];
    return index >= 0 && this.plan.steps[index] === step ? index : -1;
  }

  /** The deferred result that argument `position` of step `index` is, or -1. */
  deferredArgument(index: number, position: number): number {
    const slot = this.plan.steps[index].args[position];
    return slot < 0 ? -1 : this.deferredInSlot[slot];
  }

  /** Records that step `index` produced deferred result `result`. */
  setDeferred(index: number, result: number): void {
    this.deferredOfStep[index] = result;
    this.deferredInSlot[this.plan.steps[index].slot] = result;
  }
}

const stepsByName = new WeakMap<ExecutionPlan, ReadonlyMap<string, number>>();

/**
 * The index of the step of `plan` that runs node `name`, or -1. The map is made on first use, once per
 * plan: records are read by name after a run, not per node during it.
 */
export function stepNamed(plan: ExecutionPlan, name: string): number {
  let byName = stepsByName.get(plan);
  if (!byName) {
    byName = new Map(plan.steps.map((step, index) => [step.node.name, index]));
    stepsByName.set(plan, byName);
  }
  return byName.get(name) ?? -1;
}
