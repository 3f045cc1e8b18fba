import type { ExecutionPlan } from '../execution/execution-plan.js';
import { codeVersionOf } from './code-version.js';
import type { DeferredResults } from './deferred-results.js';
import { FRESH } from './node-keys.js';
import type { OpenCache } from './open-cache.js';
import type { RawRecord } from './run-record.js';

/**
 * What a run found, keyed by everything its keys derive from: the plan (its nodes and their code
 * versions) and the data versions of the values fed in. When a later run of the same plan gets the same
 * values, every node's key is known to be the same, so the run is answered from this record alone: one
 * lookup instead of one per node, and only the outputs' files read.
 *
 * Sound only while the entries it saw are unchanged: any replaced or removed entry moves the store's
 * generation, and a manifest of another generation is not used.
 */
export interface RunManifest {
  readonly generation: number;
  /** Per step, in plan order: cache key, data version, code version. */
  readonly records: readonly (readonly [string, string, string])[];
}

const signatures = new WeakMap<ExecutionPlan, string | null>();

/** The plan's part of a manifest key, or `null` when no manifest applies (blocks, behaviors other than `default`, ignored inputs). */
export function planSignature(plan: ExecutionPlan, cache: OpenCache): string | null {
  let signature = signatures.get(plan);
  if (signature !== undefined) return signature;
  signature = computeSignature(plan, cache);
  signatures.set(plan, signature);
  return signature;
}

function computeSignature(plan: ExecutionPlan, cache: OpenCache): string | null {
  const parts: string[] = [plan.outputs.join('\u0000')];
  for (const step of plan.steps) {
    if (step.block || cache.behaviors.of(step.node.name) !== 'default') return null;
    parts.push(`${step.node.name}=${codeVersionOf(step.node, cache.hasher)}`);
  }
  for (const feed of plan.feeds) {
    if (cache.behaviors.isIgnored(feed.name)) return null;
    parts.push(`${feed.source}:${feed.name}`);
  }
  return cache.hasher.digest(parts.join('\u0001'));
}

/**
 * The records of a finished run in plan order, or `undefined` when it is not one a manifest can stand for.
 * A deferred result stays its index in `deferred`, for the writer thread to fill in.
 */
export function manifestRecords(
  plan: ExecutionPlan,
  /** The record of step `index` (node `name`). */
  recordOf: (index: number, name: string) => RawRecord | undefined,
  deferred: DeferredResults,
): (RunManifest['records'][number] | number)[] | undefined {
  const records: (RunManifest['records'][number] | number)[] = [];
  for (let index = 0; index < plan.steps.length; index++) {
    const record = recordOf(index, plan.steps[index].node.name);
    if (typeof record === 'number') {
      if (deferred.statuses[record] !== 'miss') return undefined;
      records.push(record);
      continue;
    }
    if (!record || (record.status !== 'hit' && record.status !== 'miss') || !record.cacheKey || !record.dataVersion || !record.codeVersion)
      return undefined;
    if (record.cacheKey.startsWith(FRESH) || record.dataVersion.startsWith(FRESH)) return undefined;
    records.push([record.cacheKey, record.dataVersion, record.codeVersion]);
  }
  return records;
}
