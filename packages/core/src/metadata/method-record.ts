import 'reflect-metadata';
import type { Modifier } from '../modifiers/modifier.js';
import { DECORATED_METHODS_KEY } from './keys.js';

/** What `@node(...)` was given. */
export interface NodeOptions {
  /** Node name; defaults to the method name with any `__suffix` removed. */
  readonly name?: string;
  /** Documentation shown by `listAvailableVariables`. */
  readonly doc?: string;
  /** The resolved type of an async node's value (a `Promise` return is otherwise "unknown"). */
  readonly returns?: Function;
}

/** Everything the decorators of one method recorded, raw and unvalidated. */
export interface MethodRecord {
  isNode: boolean;
  options: NodeOptions;
  dependsOn?: readonly string[];
  modifiers: Modifier[];
  /** `@exclude()`: the method is a helper, never a node, even when a parent class's method of that name is. */
  excluded?: boolean;
  /** `@mutate(...)`: the targets (node names, raw and unchecked) this method transforms the output of. */
  mutations?: unknown[][];
}

type Target = object;

/**
 * One map per prototype, method name → record, in declaration order: a single metadata lookup per
 * class when the graph is built (a lookup per method was the largest cost of building 100k nodes).
 */
function recordsOf(target: Target): Map<string, MethodRecord> | undefined {
  return Reflect.getOwnMetadata(DECORATED_METHODS_KEY, target);
}

function recordOf(target: Target, method: string | symbol): MethodRecord {
  let records = recordsOf(target);
  if (!records) {
    records = new Map();
    Reflect.defineMetadata(DECORATED_METHODS_KEY, records, target);
  }
  let record = records.get(String(method));
  if (!record) {
    record = { isNode: false, options: {}, modifiers: [] };
    records.set(String(method), record);
  }
  return record;
}

/** Records what a decorator says about a method; decorators call only this. */
export function updateMethodRecord(target: Target, method: string | symbol, update: (r: MethodRecord) => void): void {
  update(recordOf(target, method));
}

/** Adds a modifier to a method's record. */
export function addModifier(target: Target, method: string | symbol, modifier: Modifier): void {
  recordOf(target, method).modifiers.push(modifier);
}

/** The decorated methods of a prototype chain, nearest class first, each name once. */
export function decoratedMethodsOf(prototype: object): Array<{ method: string; record: MethodRecord; owner: object }> {
  const levels: Array<[object, Map<string, MethodRecord>]> = [];
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const records = recordsOf(p);
    if (records) levels.push([p, records]);
  }
  // A name can repeat only across classes of a hierarchy; a single class needs no de-duplication.
  const seen = levels.length > 1 ? new Set<string>() : undefined;
  const found: Array<{ method: string; record: MethodRecord; owner: object }> = [];
  for (const [owner, records] of levels)
    for (const [method, record] of records) {
      if (seen?.has(method)) continue;
      seen?.add(method);
      found.push({ method, record, owner });
    }
  return found;
}
