import { ColumnTable, table } from 'arquero';
import { messages } from './errors/messages.js';
import { ResultBuildError } from './errors/result-build-error.js';
import { type ColumnValues, type OutputPart, toOutputPart } from './output-parts.js';
import type { ResultBuilder } from './result-builder.js';

/**
 * The default result builder: combines outputs, in the record's key order, into one arquero table.
 * - arrays and typed arrays become columns (typed arrays are used as is, never copied);
 * - an arquero table output becomes columns `${output}.${column}`; when it is the only output the
 *   table itself is returned;
 * - a plain object whose values are all arrays / typed arrays becomes columns `${output}.${key}`;
 * - anything else (number, string, boolean, bigint, null, undefined, Date, Set, other objects) is a
 *   scalar, repeated on every row; with no column outputs at all the table has one row.
 * Column outputs of different lengths, or two outputs yielding the same column name, throw
 * `ResultBuildError` (arquero itself would silently take the first column's length).
 *
 * @example
 * const t = new ArqueroTableResult().buildResult({ spend: new Float64Array([1, 2]), region: 'EU' });
 * t.objects(); // [{ spend: 1, region: 'EU' }, { spend: 2, region: 'EU' }]
 */
export class ArqueroTableResult implements ResultBuilder<ColumnTable> {
  buildResult(outputs: Record<string, unknown>): ColumnTable {
    const entries = Object.entries(outputs);
    if (entries.length === 1 && entries[0][1] instanceof ColumnTable) return entries[0][1];
    const parts = entries.map(([output, value]) => toOutputPart(output, value));
    return assembleTable(parts, checkedRowCount(parts));
  }
}

/** The common length of every column output (1 when there are none), or a ResultBuildError. */
function checkedRowCount(parts: readonly OutputPart[]): number {
  const lengths: Record<string, number> = {};
  for (const part of parts) if (part.kind === 'columns') for (const [label, n] of part.lengths) lengths[label] = n;
  const distinct = new Set(Object.values(lengths));
  const duplicates = duplicateColumns(parts);
  const problems: string[] = [];
  if (distinct.size > 1) problems.push(messages.lengthMismatch(parts.flatMap(describeLengths)));
  for (const [column, outputs] of duplicates) problems.push(messages.duplicateColumn(column, outputs));
  if (problems.length > 0) throw new ResultBuildError(problems, lengths, [...duplicates.keys()]);
  return distinct.size === 1 ? [...distinct][0] : 1;
}

function describeLengths(part: OutputPart): string[] {
  if (part.kind === 'scalar') return [messages.scalarOutput(part.output)];
  return part.lengths.map(([label, n]) => messages.outputLength(label, n));
}

/** Column names produced more than once, each with the outputs producing it. */
function duplicateColumns(parts: readonly OutputPart[]): Map<string, string[]> {
  const producers = new Map<string, string[]>();
  for (const part of parts) {
    const names = part.kind === 'scalar' ? [part.output] : part.columns.map((c) => c.name);
    for (const name of names) producers.set(name, [...(producers.get(name) ?? []), part.output]);
  }
  return new Map([...producers].filter(([, outputs]) => outputs.length > 1));
}

function assembleTable(parts: readonly OutputPart[], rowCount: number): ColumnTable {
  const data: Record<string, ColumnValues> = {};
  const names: string[] = [];
  for (const part of parts) {
    const columns = part.kind === 'scalar' ? [{ name: part.output, values: broadcast(part.value, rowCount) }] : part.columns;
    for (const { name, values } of columns) {
      data[name] = values;
      names.push(name);
    }
  }
  // Explicit names: the column order is the order built here, not however `data` enumerates.
  return table(data, names);
}

// One fill, no per-row closure; every row shares the same value (objects are not cloned).
const broadcast = (value: unknown, rowCount: number): ColumnValues => new Array(rowCount).fill(value) as ColumnValues;
