import { isPlainObject, MAX_DEPTH, tagOf } from './kinds.js';

/**
 * Calls `visit` for every `ArrayBuffer` a value holds directly or through typed arrays, Buffers, arrays,
 * plain objects, Maps and Sets (once per place it is met, so a buffer shared by two views is visited
 * twice). Tables and other objects are not entered. Engines use it to know which buffers they may move.
 *
 * @example
 * forEachBuffer({ a: x, b: x.subarray(1) }, (buffer) => counts.set(buffer, (counts.get(buffer) ?? 0) + 1));
 */
export function forEachBuffer(value: unknown, visit: (buffer: ArrayBuffer) => void): void {
  walk(value, visit, 0);
}

function walk(value: unknown, visit: (buffer: ArrayBuffer) => void, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (ArrayBuffer.isView(value)) {
    if (tagOf(value.buffer) === '[object ArrayBuffer]') visit(value.buffer as ArrayBuffer);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') walk(item, visit, depth + 1);
    return;
  }
  const tag = tagOf(value);
  if (tag === '[object ArrayBuffer]') visit(value as ArrayBuffer);
  else if (tag === '[object Map]')
    for (const [key, item] of value as Map<unknown, unknown>) {
      walk(key, visit, depth + 1);
      walk(item, visit, depth + 1);
    }
  else if (tag === '[object Set]') for (const item of value as Set<unknown>) walk(item, visit, depth + 1);
  else if (tag === '[object Object]' && isPlainObject(value))
    for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], visit, depth + 1);
}
