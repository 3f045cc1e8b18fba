import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from '../errors/messages.js';
import { NodeExecutionError } from '../errors/node-execution-error.js';
import type { BlockPlan, PlanStep } from './execution-plan.js';
import type { PlanRun } from './executor.js';

/**
 * Runs a parallelizable block: one walk of the block's plan per item, with the same walker, invoker
 * and budget as the run it belongs to. Returns the gathered values in item order (or a promise of
 * them). `args[0]` is the parallelizable node's value; the rest feed the block's outer values.
 */
export function runBlock(step: PlanStep, args: unknown[], parent: PlanRun): unknown {
  const block = step.block!;
  const items = args[0];
  if (items !== null && typeof items === 'object' && Symbol.asyncIterator in items && !(Symbol.iterator in items))
    return collectAsync(items as AsyncIterable<unknown>).then(
      (list) => runItems(block, list, args, parent),
      (error) => {
        throw itemsError(block, error);
      },
    );
  if (items === null || items === undefined || typeof (items as Iterable<unknown>)[Symbol.iterator] !== 'function')
    throw itemsError(block, new TypeError(messages.notIterable(block.parallel, items)));
  let list: unknown[];
  try {
    list = Array.isArray(items) ? items : Array.from(items as Iterable<unknown>);
  } catch (error) {
    throw itemsError(block, error);
  }
  return runItems(block, list, args, parent);
}

function runItems(block: BlockPlan, items: readonly unknown[], args: unknown[], parent: PlanRun): unknown {
  return parent.budget.sequential ? inOrder(block, items, args, parent) : together(block, items, args, parent);
}

/** One item after another: no promise at all while every node is synchronous. */
function inOrder(block: BlockPlan, items: readonly unknown[], args: unknown[], parent: PlanRun): unknown {
  const gathered = new Array(items.length);
  let i = 0;
  const next = (): unknown => {
    for (; i < items.length; i++) {
      const values = itemValues(block, items[i], args);
      const pending = parent.child(block.plan, values).start();
      if (pending) {
        return pending.then(() => {
          gathered[i] = values[block.outputSlot];
          i++;
          return next();
        });
      }
      gathered[i] = values[block.outputSlot];
    }
    return gathered;
  };
  return next();
}

/**
 * Every item at once, nodes bounded by the shared budget. The failure reported is the earliest
 * item's, as in order; items after a failed one start nothing more.
 */
function together(block: BlockPlan, items: readonly unknown[], args: unknown[], parent: PlanRun): unknown {
  const gathered = new Array(items.length);
  const runs: PlanRun[] = [];
  const values: unknown[][] = [];
  let failedItem = Number.POSITIVE_INFINITY;
  let failure: unknown;
  const onFailure = (k: number, error: unknown): void => {
    if (k >= failedItem) return;
    failedItem = k;
    failure = error;
    for (let j = k + 1; j < runs.length; j++) runs[j].cancel();
  };
  const waits: Promise<void>[] = [];
  for (let k = 0; k < items.length; k++) {
    values.push(itemValues(block, items[k], args));
    runs.push(parent.child(block.plan, values[k]));
  }
  for (let k = 0; k < items.length && k < failedItem; k++) {
    try {
      const pending = runs[k].start();
      if (pending) waits.push(pending.catch((error) => onFailure(k, error)));
    } catch (error) {
      onFailure(k, error);
    }
  }
  const gather = (): unknown[] => {
    if (failedItem !== Number.POSITIVE_INFINITY) throw failure;
    for (let k = 0; k < items.length; k++) gathered[k] = values[k][block.outputSlot];
    return gathered;
  };
  return waits.length ? Promise.all(waits).then(gather) : gather();
}

function itemValues(block: BlockPlan, item: unknown, args: unknown[]): unknown[] {
  const values = new Array(block.plan.slotCount);
  if (block.itemSlot >= 0) values[block.itemSlot] = item;
  for (let k = 0; k < block.innerSlots.length; k++) values[block.innerSlots[k]] = args[k + 1];
  return values;
}

/** The parallelizable node's value could not be turned into items: that node is at fault. */
function itemsError(block: BlockPlan, error: unknown): Error {
  return error instanceof HamiltonError ? error : new NodeExecutionError(block.parallel, block.parallelClass, error);
}

async function collectAsync(items: AsyncIterable<unknown>): Promise<unknown[]> {
  const list: unknown[] = [];
  for await (const item of items) list.push(item);
  return list;
}
