import { addModifier } from '../metadata/method-record.js';
import { isPlainRecord } from '../modifiers/binding.js';
import { ExtractColumnsModifier, type ExtractColumnsOptions } from '../modifiers/extract-columns.modifier.js';

/**
 * Makes one node per column of the table (or record of columns) a method returns, named like the
 * column. The method's node stays and runs once; columns are passed on without copying. An options
 * object may follow the names: `{ fillWith }` fills a missing column instead of failing.
 *
 * @example
 * @node() @extractColumns('spend', 'signups') marketing(raw: ColumnTable): ColumnTable { ... }
 * @node() @extractColumns('spend', 'refunds', { fillWith: 0 }) ledger(...) { ... }
 */
export function extractColumns(...args: [...columns: string[]] | [...columns: string[], options: ExtractColumnsOptions]): MethodDecorator {
  const last = args[args.length - 1];
  const options = isPlainRecord(last) ? (last as ExtractColumnsOptions) : undefined;
  const columns: unknown[] = options ? args.slice(0, -1) : args;
  return (target, method) => addModifier(target, method, new ExtractColumnsModifier(columns, options));
}
