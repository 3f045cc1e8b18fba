import { addModifier } from '../metadata/method-record.js';
import { ExtractFieldsModifier, type ExtractFieldsOptions } from '../modifiers/extract-fields.modifier.js';

/**
 * Makes one node per field of the object a method returns, with the declared type as the node's
 * type (edge checks use it; `Object` means any). The method's node stays and runs once; the field
 * nodes get its doc. `{ fillWith }` gives a missing field that value (it must fit every field's type)
 * instead of failing.
 *
 * @example
 * @node() @extractFields({ mean: Number, rows: Float64Array })
 * summary(spend: Float64Array): { mean: number; rows: Float64Array } { ... }
 * @node() @extractFields({ refunds: Number, fees: Number }, { fillWith: 0 }) ledger(...): object { ... }
 */
export function extractFields(fields: Record<string, Function>, options?: ExtractFieldsOptions): MethodDecorator {
  return (target, method) => addModifier(target, method, new ExtractFieldsModifier(fields, options));
}
