import type { TypeRef } from './types.js';

/** Types that carry no information: absent, `Object` (any, interfaces, unions) and bare `Promise`. */
export function isAnyType(type: TypeRef): boolean {
  return type === undefined || type === Object || type === Promise;
}

/** Whether a value of type `produced` may flow into a parameter of type `expected`. */
export function typesCompatible(produced: TypeRef, expected: TypeRef): boolean {
  if (isAnyType(produced) || isAnyType(expected) || produced === expected) return true;
  return typeof produced === 'function' && produced.prototype instanceof (expected as Function);
}

/** The narrower of two compatible types, or `null` when neither accepts the other. */
export function narrowerType(a: TypeRef, b: TypeRef): TypeRef | null {
  if (typesCompatible(a, b) && !isAnyType(a)) return a;
  if (typesCompatible(b, a)) return isAnyType(b) ? a : b;
  return null;
}

const PRIMITIVES = new Map<Function, string>([
  [Number, 'number'],
  [String, 'string'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
]);

/** Whether a runtime value satisfies a reflected type (primitives by typeof, classes by instanceof). */
export function valueMatchesType(value: unknown, type: TypeRef): boolean {
  if (isAnyType(type)) return true;
  const primitive = PRIMITIVES.get(type!);
  if (primitive) return typeof value === primitive || value instanceof type!;
  if (type === Array) return Array.isArray(value);
  if (type === Function) return typeof value === 'function';
  return value instanceof type!;
}
