import type { ExecutionPlan } from '../execution/execution-plan.js';
import { codeVersionOf } from './code-version.js';
import type { DeferredResults } from './deferred-results.js';
import { FRESH } from './node-keys.js';
import type { OpenCache } from './open-cache.js';
import type { RawRecord } from './run-record.js';
import { DIGEST_LENGTH } from './writer-protocol.js';

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
  /**
   * Per step, in plan order, its cache key, data version and code version (each a digest of
   * `DIGEST_LENGTH` hex digits), end to end in one string: reading the manifest of a 10k-step run then
   * makes one string rather than 40k objects, which young-generation collections would copy during the
   * fully cached rerun that reads it. Read with `manifestLength` and `manifestRecord`.
   */
  readonly records: string;
}

/** One step's record: cache key, data version, code version. */
export type ManifestRecord = readonly [string, string, string];

const RECORD_LENGTH = 3 * DIGEST_LENGTH;

/** The number of steps `manifest` records. */
export function manifestLength(manifest: RunManifest): number {
  return manifest.records.length / RECORD_LENGTH;
}

/** The record of step `index` of `manifest`. */
export function manifestRecord(manifest: RunManifest, index: number): ManifestRecord {
  const at = index * RECORD_LENGTH;
  const { records } = manifest;
  return [
    records.slice(at, at + DIGEST_LENGTH),
    records.slice(at + DIGEST_LENGTH, at + 2 * DIGEST_LENGTH),
    records.slice(at + 2 * DIGEST_LENGTH, at + RECORD_LENGTH),
  ];
}

/**
 * The manifest of generation `generation` holding `records`, as stored; `undefined` when a field is not
 * a digest (such a run gets no manifest, so one record can never run into the next).
 */
export function runManifest(generation: number, records: readonly ManifestRecord[]): RunManifest | undefined {
  const fields: string[] = [];
  for (const record of records)
    for (const field of record) {
      if (field.length !== DIGEST_LENGTH) return undefined;
      fields.push(field);
    }
  return { generation, records: fields.join('') };
}

/** Whether a stored value is a manifest of this form (a directory written by an earlier version holds others). */
export function isRunManifest(value: unknown): value is RunManifest {
  const records = (value as Partial<RunManifest> | undefined)?.records;
  return typeof records === 'string' && records.length % RECORD_LENGTH === 0;
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
): (ManifestRecord | number)[] | undefined {
  const records: (ManifestRecord | number)[] = [];
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
