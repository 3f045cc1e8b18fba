import { extractMessages } from '../errors/messages.js';
import { isTableLike, readColumn } from './column-access.js';

/**
 * A table or record of columns with its columns renamed, by position, to `names` (Hamilton's
 * `reassign_columns`): the first column becomes `names[0]`, and so on. A table is renamed without
 * copying its columns; a record becomes a new record. The count of columns must match the names.
 */
export function renameColumnsByPosition(node: string, value: unknown, names: readonly string[]): unknown {
  if (isTableLike(value)) {
    const present = value.columnNames();
    if (present.length !== names.length) throw new Error(extractMessages.columnCount(node, names, present));
    if (value.rename) return value.rename(Object.fromEntries(present.map((column, i) => [column, names[i]])));
    return Object.fromEntries(names.map((name, i) => [name, readColumn(node, value, present[i], undefined)]));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(extractMessages.notColumnar(node, value));
  const record = value as Record<string, unknown>;
  const present = Object.keys(record);
  if (present.length !== names.length) throw new Error(extractMessages.columnCount(node, names, present));
  return Object.fromEntries(names.map((name, i) => [name, record[present[i]]]));
}
