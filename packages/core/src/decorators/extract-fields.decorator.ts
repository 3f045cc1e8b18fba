import { addModifier } from '../metadata/method-record.js';
import { ExtractFieldsModifier } from '../modifiers/extract-fields.modifier.js';

/**
 * Makes one node per field of the object a method returns, with the declared type as the node's
 * type (edge checks use it; `Object` means any). The method's node stays and runs once.
 *
 * @example
 * @node() @extractFields({ mean: Number, rows: Float64Array })
 * summary(spend: Float64Array): { mean: number; rows: Float64Array } { ... }
 */
export function extractFields(fields: Record<string, Function>): MethodDecorator {
  return (target, method) => addModifier(target, method, new ExtractFieldsModifier(fields));
}
