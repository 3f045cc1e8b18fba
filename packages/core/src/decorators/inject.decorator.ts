import { addModifier } from '../metadata/method-record.js';
import type { Bindings } from '../modifiers/binding.js';
import { InjectModifier } from '../modifiers/inject.modifier.js';

/**
 * Binds parameters of a node to `value(...)`, `source('node')` or `group(...)` without creating new
 * nodes: the node keeps its name, bound parameters are no longer inputs.
 *
 * @example
 * @node() @inject({ parts: group(source('spend'), source('fees')) })
 * totalCost(parts: Float64Array[]): Float64Array { ... }
 */
export function inject(bindings: Bindings): MethodDecorator {
  return (target, method) => addModifier(target, method, new InjectModifier(bindings));
}
