import type { HamiltonModule } from '../builder/collect-methods.js';
import { addModifier } from '../metadata/method-record.js';
import { SubdagModifier } from '../modifiers/subdag.modifier.js';
import type { SubdagOptions } from '../modifiers/subdag-options.js';

/**
 * Reuses a group of nodes under a namespace. `modules` (a class, an instance or an array, as the
 * Driver takes) are built on their own with `config` merged over the outer config; their nodes are
 * renamed `${namespace}.${name}` (default namespace: the method's node name). `inputs` binds the
 * subdag's external inputs to `value(x)` or `source('outerNode')`; unbound ones are read from the
 * outer graph by their own name; a key in both `config` and `inputs` is an error. The method's
 * parameters name subdag nodes, except those listed in `externalInputs`, which the outer graph
 * supplies; its result is the output.
 *
 * @example
 * class Cleaning { @node() clean(raw: number[]): number[] { return raw.filter(Number.isFinite); } }
 * class Features {
 *   @node() @subdag(Cleaning, { inputs: { raw: source('usSpend') } })
 *   usClean(clean: number[]): number[] { return clean; } // nodes: usClean.clean, usClean
 *   @node() @subdag(Cleaning, { inputs: { raw: source('euSpend') }, externalInputs: ['fx'] })
 *   euClean(clean: number[], fx: number): number[] { return clean.map((x) => x * fx); } // fx: an outer input
 * }
 */
export function subdag(modules: HamiltonModule, options: SubdagOptions = {}): MethodDecorator {
  return (target, method) => addModifier(target, method, new SubdagModifier(modules, options));
}
