import { extractMessages } from '../errors/messages.js';
import { checkNames } from './check-names.js';
import type { ModifierContext } from './modifier.js';

/**
 * A column as written in `extractColumns` or `parameterizeExtractColumns`: its name, or a
 * `[name, doc]` pair that gives the column's node a doc of its own (Hamilton's `(name, doc)` tuples).
 *
 * @example
 * const columns: ColumnArgument[] = ['spend', ['signups', 'Weekly signups, all channels']];
 */
export type ColumnArgument = string | readonly [name: string, doc: string];

/** A column after checking: its name, and its own doc when one was given. */
export interface ColumnSpec {
  readonly name: string;
  readonly doc?: string;
}

/** The columns as specs when every one is usable and named once; otherwise reports each problem and returns undefined. */
export function parseColumns(columns: readonly unknown[], modifier: string, ctx: ModifierContext): ColumnSpec[] | undefined {
  const specs: Array<{ name: unknown; doc?: string }> = [];
  let ok = true;
  for (const column of columns) {
    if (!Array.isArray(column)) specs.push({ name: column });
    else if (column.length === 2 && typeof column[1] === 'string') specs.push({ name: column[0], doc: column[1] });
    else {
      ctx.report(extractMessages.badColumn(ctx.where, modifier, column));
      ok = false;
    }
  }
  // All malformed: their reports say enough, without a "no columns" on top.
  if (specs.length === 0 && columns.length > 0) return undefined;
  const names = checkNames(
    specs.map((s) => s.name),
    'columns',
    modifier,
    ctx,
  );
  return ok && names ? (specs as ColumnSpec[]) : undefined;
}
