import { toArrowIPC } from 'arquero';
import { ArqueroTableResult } from './arquero-table-result.js';
import type { ResultBuilder } from './result-builder.js';

/** Options passed through to arquero's `toArrowIPC`: `format` ('stream' or 'file'), `types`, `columns`... */
export type ArrowResultOptions = NonNullable<Parameters<typeof toArrowIPC>[1]>;

/**
 * Builds the table exactly as `ArqueroTableResult` does (same rules, same errors) and returns it
 * as Apache Arrow IPC bytes, ready to send to another thread or process.
 *
 * @example
 * const bytes = new ArrowResult().buildResult({ spend: new Float64Array([1, 2]) });
 * fromArrow(bytes).array('spend'); // [1, 2]
 */
export class ArrowResult implements ResultBuilder<Uint8Array> {
  private readonly tableResult = new ArqueroTableResult();

  constructor(private readonly options: ArrowResultOptions = {}) {}

  buildResult(outputs: Record<string, unknown>): Uint8Array {
    return toArrowIPC(this.tableResult.buildResult(outputs), this.options);
  }
}
