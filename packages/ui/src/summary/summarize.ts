import { ColumnTable } from 'arquero';
import { isError, reasonOf } from '../run-store-error.js';
import type { ValueSummary } from '../store/records.js';
import { looseStats, typedArrayStats } from './numeric-stats.js';
import { type ResolvedLimits, resolveLimits, type SummaryLimits } from './summary-limits.js';
import { summaryStat } from './summary-stat.js';
import { statsFields, tableSummary } from './table-summary.js';
import { count, preview, typeName } from './type-name.js';

const NULL: ValueSummary = Object.freeze({ kind: 'null', type: 'null' });
const UNDEFINED: ValueSummary = Object.freeze({ kind: 'null', type: 'undefined' });
const TRUE: ValueSummary = Object.freeze({ kind: 'boolean', type: 'boolean', value: true });
const FALSE: ValueSummary = Object.freeze({ kind: 'boolean', type: 'boolean', value: false });
/** Own keys counted at most, for an object's `columns`. */
const MAX_KEYS = 100_000;

/**
 * A bounded description of a value, never the value itself: scalars as they are, strings by length and
 * a preview, typed arrays and number arrays by length, min, max, mean and NaN count (one pass, capped),
 * arquero tables by rows, columns and a summary per column, dates as ISO text, and anything else by its
 * type name and size (Map/Set entries, an object's key count), never its contents. NaN and ±Infinity,
 * as a value or as min/max/mean, are the words 'NaN', 'Infinity' and '-Infinity', which JSON keeps.
 * Caps that bite are said in `skipped`. Never throws: a value that resists (a throwing proxy, a hostile
 * getter) is described by what could be read.
 *
 * @example
 * summarize(new Float64Array([1, 2, NaN])); // { kind: 'array', type: 'Float64Array', length: 3, min: 1, max: 2, mean: 1.5, nanCount: 1 }
 * summarize('hello'); // { kind: 'string', type: 'string', length: 5, preview: 'hello' }
 */
export function summarize(value: unknown, limits?: SummaryLimits): ValueSummary {
  switch (typeof value) {
    case 'number':
      return { kind: 'number', type: 'number', value: summaryStat(value) };
    case 'boolean':
      return value ? TRUE : FALSE;
    case 'undefined':
      return UNDEFINED;
    case 'string': {
      const length = resolveLimits(limits).previewLength;
      return { kind: 'string', type: 'string', length: value.length, preview: preview(value, length) };
    }
    case 'bigint':
      return bigintSummary(value, resolveLimits(limits));
    case 'symbol':
      return { kind: 'object', type: 'symbol', preview: preview(String(value.description ?? ''), resolveLimits(limits).previewLength) };
    case 'function':
      return functionSummary(value);
  }
  if (value === null) return NULL;
  try {
    return objectSummary(value as object, resolveLimits(limits));
  } catch (error) {
    return { kind: 'object', type: typeName(value as object), skipped: `not summarised: ${preview(reasonOf(error), 200)}` };
  }
}

function objectSummary(value: object, limits: ResolvedLimits): ValueSummary {
  if (ArrayBuffer.isView(value)) return viewSummary(value, limits);
  if (Array.isArray(value)) {
    const scan = Math.min(value.length, limits.maxElements);
    const stats = looseStats((i) => value[i], scan);
    return {
      kind: 'array',
      type: typeName(value),
      length: value.length,
      ...(stats ? statsFields(stats) : {}),
      ...capped(stats && scan, value.length),
    };
  }
  if (value instanceof ColumnTable) return tableSummary(value, limits);
  if (value instanceof Date) {
    const time = value.getTime();
    return { kind: 'date', type: typeName(value), value: Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString() };
  }
  if (value instanceof Map || value instanceof Set) return { kind: 'object', type: typeName(value), length: value.size };
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer))
    return { kind: 'object', type: typeName(value), length: value.byteLength };
  if (isError(value)) return { kind: 'object', type: typeName(value), preview: preview(reasonOf(value), limits.previewLength) };
  return keyCountSummary(value);
}

function viewSummary(view: ArrayBufferView, limits: ResolvedLimits): ValueSummary {
  const type = typeName(view);
  if (view instanceof DataView) return { kind: 'object', type, length: view.byteLength };
  const length = (view as unknown as { length: number }).length;
  // 64-bit integer arrays hold bigints: their count is exact, their stats would need another loop.
  if (view instanceof BigInt64Array || view instanceof BigUint64Array) return { kind: 'array', type, length };
  const scan = Math.min(length, limits.maxElements);
  const stats = typedArrayStats(view as unknown as Float64Array, scan);
  return { kind: 'array', type, length, ...statsFields(stats), ...capped(scan, length) };
}

/** `skipped` when the stats covered fewer elements than there are. */
function capped(scanned: number | undefined, length: number): { skipped?: string } {
  return scanned !== undefined && scanned < length
    ? { skipped: `min/max/mean over the first ${count(scanned)} of ${count(length)} elements` }
    : {};
}

function bigintSummary(value: bigint, limits: ResolvedLimits): ValueSummary {
  const digits = value.toString();
  return digits.length <= limits.previewLength
    ? { kind: 'bigint', type: 'bigint', value: digits }
    : {
        kind: 'bigint',
        type: 'bigint',
        value: preview(digits, limits.previewLength),
        length: digits.length,
        skipped: `${count(digits.length)} digits, the first ${count(limits.previewLength)} kept`,
      };
}

function functionSummary(fn: Function): ValueSummary {
  let name = '';
  try {
    const own = Object.getOwnPropertyDescriptor(fn, 'name')?.value;
    if (typeof own === 'string') name = preview(own, 100);
  } catch {
    // a proxy whose trap throws: no name
  }
  return { kind: 'function', type: typeName(fn), ...(name ? { preview: name } : {}) };
}

/** A plain object or class instance: its type and own enumerable key count, never its contents. */
function keyCountSummary(value: object): ValueSummary {
  let keys = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++keys >= MAX_KEYS)
      return { kind: 'object', type: typeName(value), columns: keys, skipped: `keys counted up to ${count(MAX_KEYS)}` };
  }
  return { kind: 'object', type: typeName(value), columns: keys };
}
