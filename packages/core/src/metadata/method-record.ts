import 'reflect-metadata';
import type { Modifier } from '../modifiers/modifier.js';
import { DECORATED_METHODS_KEY, METHOD_RECORD_KEY } from './keys.js';

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
}

type Target = object;

function recordOf(target: Target, method: string | symbol): MethodRecord {
  let record: MethodRecord | undefined = Reflect.getOwnMetadata(METHOD_RECORD_KEY, target, method);
  if (!record) {
    record = { isNode: false, options: {}, modifiers: [] };
    Reflect.defineMetadata(METHOD_RECORD_KEY, record, target, method);
    // Appended in place: copying the list on every decorated method made a class of n nodes cost O(n²).
    const own: string[] | undefined = Reflect.getOwnMetadata(DECORATED_METHODS_KEY, target);
    if (own) own.push(String(method));
    else Reflect.defineMetadata(DECORATED_METHODS_KEY, [String(method)], target);
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
  const seen = new Set<string>();
  const found: Array<{ method: string; record: MethodRecord; owner: object }> = [];
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const names: string[] = Reflect.getOwnMetadata(DECORATED_METHODS_KEY, p) ?? [];
    for (const method of names) {
      if (seen.has(method)) continue;
      seen.add(method);
      found.push({ method, record: Reflect.getOwnMetadata(METHOD_RECORD_KEY, p, method), owner: p });
    }
  }
  return found;
}
