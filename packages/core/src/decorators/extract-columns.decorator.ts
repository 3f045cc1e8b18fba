import { addModifier } from '../metadata/method-record.js';
import { isPlainRecord } from '../modifiers/binding.js';
import type { ColumnArgument } from '../modifiers/column-spec.js';
import { ExtractColumnsModifier, type ExtractColumnsOptions } from '../modifiers/extract-columns.modifier.js';

/**
 * Makes one node per column of the table (or record of columns) a method returns, named like the
 * column. The method's node stays and runs once; columns are passed on without copying. A column
 * written `[name, doc]` gets that doc; the others get the method's own doc. An options object may
 * follow the columns: `{ fillWith }` fills a missing column instead of failing.
 *
 * @example
 * @node({ doc: 'Marketing data by week.' })
 * @extractColumns('spend', ['signups', 'Weekly signups, all channels'])
 * marketing(raw: ColumnTable): ColumnTable { ... }
 * @node() @extractColumns('spend', 'refunds', { fillWith: 0 }) ledger(...) { ... }
 */
export function extractColumns(
  ...args: [...columns: ColumnArgument[]] | [...columns: ColumnArgument[], options: ExtractColumnsOptions]
): MethodDecorator {
  const last = args[args.length - 1];
  const options = isPlainRecord(last) ? (last as ExtractColumnsOptions) : undefined;
  const columns: unknown[] = options ? args.slice(0, -1) : args;
  return (target, method) => addModifier(target, method, new ExtractColumnsModifier(columns, options));
}
