import { isThenable } from '@hamilton-ts/core';
import { ArqueroTableResult, type ResultBuilder } from '@hamilton-ts/result-builders';

const tables = new ArqueroTableResult();

/**
 * The one value a saver writes, from its dependencies' values: `combine`'s result when given; else an
 * arquero table for a tabular format, or for another format the value itself (one dependency) or a
 * record by name (several).
 */
export async function combineValues(
  values: Record<string, unknown>,
  combine: ResultBuilder<unknown> | undefined,
  tabular: boolean,
): Promise<unknown> {
  const builder = combine ?? (tabular ? tables : undefined);
  if (!builder) {
    const names = Object.keys(values);
    return names.length === 1 ? values[names[0]] : values;
  }
  const built = builder.buildResult(values);
  return isThenable(built) ? await built : built;
}

/** Rows and columns of a tabular value, for a loader's or a saver's metadata. */
export function shapeOf(value: unknown): { rows?: number; columns?: number } {
  const table = value as { numRows?: unknown; numCols?: unknown } | null;
  if (table && typeof table.numRows === 'function' && typeof table.numCols === 'function')
    return { rows: (table.numRows as () => number)(), columns: (table.numCols as () => number)() };
  return {};
}
