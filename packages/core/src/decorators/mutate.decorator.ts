import { updateMethodRecord } from '../metadata/method-record.js';
import type { Binding } from '../modifiers/binding.js';
import type { MutateTarget } from '../modifiers/mutate-target.js';

/**
 * Hamilton's `mutate`: the decorated method (a helper, not a node) transforms the output of other
 * nodes, named as targets, in this module or any other given to the Driver. Each target `x`
 * becomes `x.raw`, the method a step node `x.${method}` receiving `x.raw`'s value as its first
 * parameter, and `x` the chain's end; several mutators of one target apply in the order the modules
 * and methods are declared, after any `@pipeOutput` steps. The method's other parameters are bound by
 * a trailing bindings object (or per target with `applyTo`); unbound ones are dependencies.
 *
 * @example
 * class Cleaning {
 *   @mutate('spend', 'signups') dropNegatives(xs: Float64Array): Float64Array { return xs.map((x) => Math.max(0, x)); }
 *   @mutate('spend', { rate: value(1.1) }) toUsd(xs: Float64Array, rate: number): Float64Array { return xs.map((x) => x * rate); }
 * }
 * new Driver({}, [Features, Cleaning]); // spend = toUsd(dropNegatives(spend.raw), 1.1)
 */
export function mutate(...targets: Array<string | MutateTarget>): MethodDecorator;
export function mutate(...targetsAndBindings: [...Array<string | MutateTarget>, Readonly<Record<string, Binding>>]): MethodDecorator;
export function mutate(...targetsAndBindings: unknown[]): MethodDecorator {
  return (target, method) =>
    updateMethodRecord(target, method, (record) => {
      record.mutations = [...(record.mutations ?? []), targetsAndBindings];
    });
}

/**
 * Marks a method as a helper that is never a node (Hamilton's `hamilton_exclude`): on an override,
 * it removes the node a parent class's method of that name declares; on a method with `@node`, it
 * leaves the method out of the graph.
 *
 * @example
 * class EuFeatures extends Features {
 *   @exclude() override legacyScore(): number { return 0; } // Features.legacyScore is no node here
 * }
 */
export function exclude(): MethodDecorator {
  return (target, method) =>
    updateMethodRecord(target, method, (record) => {
      record.excluded = true;
    });
}
