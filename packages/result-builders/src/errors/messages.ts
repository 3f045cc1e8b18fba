// Every user-facing error text of the result builders, in one place, so wording stays consistent.

const bullets = (lines: readonly string[]): string => lines.map((line) => `  - ${line}`).join('\n');

export const messages = {
  /** One problem reads as a sentence; several are listed so none is hidden behind the first. */
  resultBuild: (problems: readonly string[]) =>
    problems.length === 1 ? problems[0] : `the result table cannot be built (${problems.length} problems):\n${bullets(problems)}`,
  lengthMismatch: (described: readonly string[]) =>
    `outputs have different lengths: ${described.join(', ')}; make every array output the same length, ` +
    'return a scalar to broadcast one value to every row, or use DictResult to keep the outputs apart',
  outputLength: (label: string, length: number) => `${label} (${length})`,
  scalarOutput: (label: string) => `${label} (scalar)`,
  duplicateColumn: (column: string, outputs: readonly string[]) =>
    `column "${column}" is produced by more than one output (${outputs.join(', ')}); ` +
    'rename one of the outputs so every column name is unique',
} as const;
