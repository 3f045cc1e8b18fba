import { addModifier } from '../metadata/method-record.js';
import { type ParameterizedExtract, ParameterizeExtractColumnsModifier } from '../modifiers/parameterize-extract-columns.modifier.js';

/**
 * `parameterize` and `extractColumns` in one: per entry, the method runs with that entry's
 * `bindings` (`value(...)` / `source('node')`, as in `parameterize`) and the table (or record of
 * columns) it returns gives one node per name in `columns`, taken by position. The call itself is the
 * node `${name}__${i}`; the method's own name is not a node. A column named in two entries is a build error.
 *
 * @example
 * @node()
 * @parameterizeExtractColumns(
 *   { columns: ['usSpend', 'usSignups'], bindings: { raw: source('usRaw') } },
 *   { columns: ['euSpend', ['euSignups', 'EU signups, all channels']], bindings: { raw: source('euRaw') } },
 * )
 * cleaned(raw: ColumnTable): ColumnTable { return raw.select('spend', 'signups'); }
 */
export function parameterizeExtractColumns(...entries: ParameterizedExtract[]): MethodDecorator {
  return (target, method) => addModifier(target, method, new ParameterizeExtractColumnsModifier(entries));
}
