// Types for the parts of arquero's CSV reader that the csv format composes (arquero ships them as JS only).
declare module 'arquero/src/format/stream/delimited-text-stream.js' {
  import type { Transformer } from 'node:stream/web';
  export function delimitedTextTransformer(delimiter?: string): Transformer<string, string[][]>;
}
declare module 'arquero/src/format/stream/line-filter-stream.js' {
  import type { Transformer } from 'node:stream/web';
  export function lineFilterTransformer(skip?: number, comment?: string, accessor?: (row: string[]) => string): Transformer | null;
}
declare module 'arquero/src/format/stream/parse-text-rows.js' {
  import type { Transformer } from 'node:stream/web';
  import type { ColumnTable } from 'arquero';
  export function parseTextRowsSync(input: string, transformers: Array<Transformer | null>, options?: object): ColumnTable;
}
