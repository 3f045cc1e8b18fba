/**
 * `{ ...source, ...added }`, for `added` keys that `source` may lack. Object.assign rather than a
 * spread: V8 gives every object made by a spread plus a new key a hidden class of its own (each of
 * the pipe ends, tags and origins of a graph had one), which slows every later access to them. An
 * own `__proto__` key keeps the spread, under which it stays a key rather than becoming a prototype.
 */
export function withKeys<T extends object>(source: T, added: Partial<T>): T {
  return Object.hasOwn(source, '__proto__') || Object.hasOwn(added, '__proto__')
    ? { ...source, ...added }
    : Object.assign({}, source, added);
}
