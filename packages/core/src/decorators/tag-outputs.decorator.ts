import { addModifier } from '../metadata/method-record.js';
import { TagOutputsModifier } from '../modifiers/tag-outputs.modifier.js';

/**
 * Tags chosen outputs of a method that makes several nodes (`parameterize`, `extractColumns`,
 * `extractFields`); `@tag` tags all of them. A name that is not an output is a build error.
 *
 * @example
 * @node() @extractColumns('spend', 'email') @tagOutputs({ email: { pii: 'true' } }) users(raw: ColumnTable) { ... }
 */
export function tagOutputs(tags: Record<string, Record<string, string | readonly string[]>>): MethodDecorator {
  return (target, method) => addModifier(target, method, new TagOutputsModifier(tags));
}
