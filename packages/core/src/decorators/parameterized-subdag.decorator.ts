import type { HamiltonModule } from '../builder/collect-methods.js';
import { addModifier } from '../metadata/method-record.js';
import { ParameterizedSubdagModifier } from '../modifiers/parameterized-subdag.modifier.js';
import type { SubdagOptions } from '../modifiers/subdag-options.js';

/**
 * Options of one `parameterizedSubdag` entry, and of the shared options every entry starts from:
 * `subdag`'s options without `namespace` (an entry's namespace is its key).
 *
 * @example
 * const eu: SubdagEntry = { inputs: { raw: source('euSpend') }, config: { rate: 1.1 }, externalInputs: ['fx'] };
 */
export type SubdagEntry = Omit<SubdagOptions, 'namespace'>;

/**
 * One `subdag` per entry: entry `key` builds `modules` under the namespace `key`, and the method's
 * node, renamed `key`, is that subdag's output. `shared` inputs and config apply to every entry, an
 * entry's own merged over them; an entry's `externalInputs` replace the shared list. The method's own
 * name is not a node.
 *
 * @example
 * @node()
 * @parameterizedSubdag(Cleaning, { usTotal: { inputs: { raw: source('usSpend') } }, euTotal: { inputs: { raw: source('euSpend') }, config: { rate: 1.1 } } }, { config: { rate: 1 } })
 * regionTotal(total: number): number { return total; } // nodes: usTotal.total, usTotal, euTotal.total, euTotal
 */
export function parameterizedSubdag(
  modules: HamiltonModule,
  entries: Readonly<Record<string, SubdagEntry>>,
  shared: SubdagEntry = {},
): MethodDecorator {
  return (target, method) => addModifier(target, method, new ParameterizedSubdagModifier(modules, entries, shared));
}
