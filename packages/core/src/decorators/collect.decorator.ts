import { addModifier } from '../metadata/method-record.js';
import { CollectModifier } from '../modifiers/parallel.modifier.js';

/**
 * Gathers a `@parallelizable` block: parameter `param` receives the per-item values of the node it
 * names, as an array in item order (`[]` for no items). Other parameters are ordinary dependencies
 * from outside the block. `itemType` (default: any) is checked against what the block produces.
 *
 * @example
 * @node() @collect('size', Number) total(size: number[], unit: string): string { ... }
 */
export function collect(param: string, itemType?: Function): MethodDecorator {
  return (target, method) => addModifier(target, method, new CollectModifier(param, itemType));
}
