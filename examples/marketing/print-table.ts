import type { ColumnTable } from 'arquero';

/** Prints the first rows of a table with numbers rounded, so the columns stay readable. */
export function printTable(table: ColumnTable, rows: number): void {
  const round = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(3)) : v);
  const objects = table.objects({ limit: rows }) as Array<Record<string, unknown>>;
  console.table(objects.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]))));
}
