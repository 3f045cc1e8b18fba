// What a parameter can be bound to by `parameterize` and `inject`: a fixed value, another node,
// or a group of these. Markers only; `bind-parameters.ts` turns them into dependencies.

/** A parameter fixed to a value. Made by `value(x)`. */
export class ValueBinding<T = unknown> {
  constructor(readonly value: T) {}
}

/** A parameter read from another node (or external input). Made by `source('name')`. */
export class SourceBinding {
  constructor(readonly name: string) {}
}

/** A member of a group: a value or a source (groups do not nest). */
export type GroupMember = ValueBinding | SourceBinding;

/** A parameter that receives several values at once, as an array or a record. Made by `group(...)`. */
export class GroupBinding {
  constructor(readonly members: readonly GroupMember[] | Readonly<Record<string, GroupMember>>) {}
}

/**
 * Anything a parameter can be bound to: `value(x)`, `source('node')` or `group(...)`.
 *
 * @example
 * const window: Binding = value(7);
 */
export type Binding = ValueBinding | SourceBinding | GroupBinding;

/**
 * Parameter name → what it is bound to: one `inject`, or one output of `parameterize`.
 *
 * @example
 * const outputs: Record<string, Bindings> = Object.fromEntries([7, 28].map((d) => [`spend${d}`, { window: value(d) }]));
 */
export type Bindings = Readonly<Record<string, Binding>>;

/**
 * Binds a parameter to a fixed value.
 *
 * @example
 * @node() @inject({ window: value(7) }) rolling(spend: Float64Array, window: number) { ... }
 */
export function value<T>(x: T): ValueBinding<T> {
  return new ValueBinding(x);
}

/**
 * Binds a parameter to another node: the parameter receives that node's value.
 *
 * @example
 * @node() @inject({ amounts: source('spendUsd') }) total(amounts: Float64Array) { ... }
 */
export function source(name: string): SourceBinding {
  return new SourceBinding(name);
}

/**
 * Binds one parameter to several values: `group(a, b)` passes an array, `group({ a, b })` a record.
 * Each member is a `value(...)` or a `source(...)`.
 *
 * @example
 * @node() @inject({ parts: group(source('spend'), source('fees'), value(0)) }) total(parts: unknown[]) { ... }
 * @node() @inject({ cfg: group({ lo: value(0), hi: source('cap') }) }) clip(cfg: object, x: number) { ... }
 */
export function group(...members: GroupMember[]): GroupBinding;
export function group(members: Record<string, GroupMember>): GroupBinding;
export function group(...args: unknown[]): GroupBinding {
  const record = args.length === 1 && isPlainRecord(args[0]);
  return new GroupBinding((record ? args[0] : args) as GroupBinding['members']);
}

/** A plain object (not an array, not a binding, not a class instance such as a table). */
export function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
