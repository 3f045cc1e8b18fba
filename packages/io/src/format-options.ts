// The options each built-in format takes, besides path (and target/id/dependencies/combine).
import type { ColumnTable } from 'arquero';

/** CSV loading: arquero's CSV options, plus `typed`. */
export interface CsvLoadOptions {
  /** One character between cells (default `,`). */
  readonly delimiter?: string;
  readonly decimal?: string;
  /** False when the file has no header row (columns are then `names`, or col1, col2...). */
  readonly header?: boolean;
  readonly names?: readonly string[];
  /** Lines to skip before the header. */
  readonly skip?: number;
  /** Lines starting with this are skipped. */
  readonly comment?: string;
  /** False keeps every cell as text (default: numbers, booleans and ISO dates are recognised). */
  readonly autoType?: boolean;
  readonly autoMax?: number;
  /** Column name → a function parsing that column's text. */
  readonly parse?: Readonly<Record<string, (text: string) => unknown>>;
  /** Columns of numbers come back as Float64Array (default true); false leaves them plain arrays. */
  readonly typed?: boolean;
}

/** CSV saving: arquero's `toCSV` options. */
export interface CsvSaveOptions {
  readonly delimiter?: string;
  /** Column name → a function formatting that column's values. */
  readonly format?: Readonly<Record<string, (value: unknown) => string>>;
  /** The columns written, in order (default all). */
  readonly columns?: readonly string[];
}

/** JSON loading. */
export interface JsonLoadOptions {
  /** An arquero table (from arquero's JSON or a list of records) instead of the parsed value. */
  readonly table?: boolean;
}

/** JSON saving. */
export interface JsonSaveOptions {
  /** Spaces of indentation (default none). */
  readonly indent?: number;
}

/** The value a tabular loader gives. */
export type LoadedTable = ColumnTable;
