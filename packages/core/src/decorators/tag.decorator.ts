import { addModifier } from '../metadata/method-record.js';
import { TagModifier } from '../modifiers/tag.modifier.js';

/**
 * Attaches tags (string or string-array values) to a node; `listAvailableVariables({ tagFilter })`
 * selects by them.
 *
 * @example
 * @node() @tag({ owner: 'growth', pii: 'false' }) signupsLastWeek(signups: Float64Array) { ... }
 */
export function tag(tags: Record<string, string | readonly string[]>): MethodDecorator {
  return (target, method) => addModifier(target, method, new TagModifier(tags));
}
