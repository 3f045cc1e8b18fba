import { addModifier } from '../metadata/method-record.js';
import { type UnpackField, UnpackFieldsModifier } from '../modifiers/unpack-fields.modifier.js';

/**
 * Makes one node per position of the array (tuple) a method returns, named as given, in order. A
 * position written `{ name: Type }` is typed for edge checks and checked at run time; a plain name
 * means "any". The method's node stays and runs once; the item nodes get its doc.
 *
 * @example
 * @node() @unpackFields({ low: Number }, { high: Number }, 'label')
 * bounds(xs: Float64Array): [number, number, string] { return [Math.min(...xs), Math.max(...xs), 'spend']; }
 */
export function unpackFields(...fields: UnpackField[]): MethodDecorator {
  return (target, method) => addModifier(target, method, new UnpackFieldsModifier(fields));
}
