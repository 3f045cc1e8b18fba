import type { ColumnTable } from 'arquero';
import type { ValueSummary } from '../store/records.js';
import { looseStats, type NumericStats, typedArrayStats } from './numeric-stats.js';
import type { ResolvedLimits } from './summary-limits.js';
import { summaryStat } from './summary-stat.js';
import { count, typeName } from './type-name.js';

/** An arquero column: an array, a typed array, or an Arrow column read with `at`. */
type Column = { readonly length: number; at(index: number): unknown };

/**
 * Rows, columns, and a summary per column (numeric columns get min/max/mean/NaN count). At most
 * `maxColumns` columns are summarised, and the `maxElements` budget is shared between them; a filtered
 * table is read through its row indices so the stats describe its rows, not the backing data.
 */
export function tableSummary(table: ColumnTable, limits: ResolvedLimits): ValueSummary {
  const rows = table.numRows();
  const names = table.columnNames();
  const shown = names.slice(0, limits.maxColumns);
  const perColumn = Math.min(rows, Math.floor(limits.maxElements / Math.max(1, shown.length)));
  const indices = table.isFiltered() || table.isOrdered() ? table.indices(false) : undefined;
  const columnSummaries: Record<string, ValueSummary> = {};
  for (const name of shown) columnSummaries[name] = columnSummary(table.column(name) as unknown as Column, rows, perColumn, indices);
  const skipped = shown.length < names.length ? `summarised the first ${count(shown.length)} of ${count(names.length)} columns` : undefined;
  return { kind: 'table', type: typeName(table), rows, columns: names.length, columnSummaries, ...(skipped ? { skipped } : {}) };
}

function columnSummary(column: Column, rows: number, scan: number, indices: Uint32Array | undefined): ValueSummary {
  const type = typeName(column);
  const stats = columnStats(column, scan, indices);
  const skipped = stats && scan < rows ? `min/max/mean over the first ${count(scan)} of ${count(rows)} rows` : undefined;
  return {
    kind: 'array',
    type,
    length: rows,
    ...(stats ? statsFields(stats) : {}),
    ...(skipped ? { skipped } : {}),
  };
}

function columnStats(column: Column, scan: number, indices: Uint32Array | undefined): NumericStats | undefined {
  if (indices === undefined) {
    if (
      ArrayBuffer.isView(column) &&
      !(column instanceof BigInt64Array || column instanceof BigUint64Array) &&
      !(column instanceof DataView)
    )
      return typedArrayStats(column as unknown as Float64Array, scan);
    if (Array.isArray(column)) return looseStats((i) => column[i], scan);
    return looseStats((i) => column.at(i), scan);
  }
  return looseStats((i) => column.at(indices[i]), scan);
}

/** The stats fields of a summary (absent ones left out, so JSON stays small; non-finite ones in words). */
export function statsFields(stats: NumericStats): Pick<ValueSummary, 'min' | 'max' | 'mean' | 'nanCount'> {
  return stats.mean === undefined
    ? { nanCount: stats.nanCount }
    : { min: summaryStat(stats.min!), max: summaryStat(stats.max!), mean: summaryStat(stats.mean), nanCount: stats.nanCount };
}
