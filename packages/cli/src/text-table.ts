// Plain-text tables for terminals and pipes alike: columns padded to their widest cell, two spaces
// apart, no colours and no box drawing, so the output reads the same under `| grep` and in a file.

/** One column: its header, its cells (already text), and the side its text keeps to. */
export interface TextColumn {
  readonly header: string;
  readonly cells: readonly string[];
  /** `right` lines numbers up by their last digit; `left` by default. */
  readonly align?: 'left' | 'right';
}

const GAP = '  ';

/**
 * The columns as lines of text, the header first; each line ends in a newline and has no trailing
 * spaces. Rows are as many as the longest column; a shorter one has empty cells.
 *
 * @example
 * formatTextTable([{ header: 'NAME', cells: ['spend'] }, { header: 'ROWS', cells: ['52'], align: 'right' }]);
 * // 'NAME   ROWS\nspend    52\n'
 */
export function formatTextTable(columns: readonly TextColumn[]): string {
  const rowCount = Math.max(0, ...columns.map((c) => c.cells.length));
  const widths = columns.map((c) => Math.max(c.header.length, ...c.cells.map((cell) => cell.length)));
  const line = (cellOf: (column: TextColumn) => string): string =>
    `${columns
      .map((column, i) => {
        const cell = cellOf(column);
        return column.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join(GAP)
      .trimEnd()}\n`;
  const lines = [line((c) => c.header)];
  for (let row = 0; row < rowCount; row++) lines.push(line((c) => c.cells[row] ?? ''));
  return lines.join('');
}

/** Text of one value in a cell: on one line, numbers as JavaScript writes them, missing values empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return oneLine(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'object') return oneLine(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? '');
  return String(value);
}

/** Control characters (a newline in a string) would break the row: they are written escaped. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  return /[\u0000-\u001f]/.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}
