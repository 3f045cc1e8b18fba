import type { RecordOfOutputs, ResultBuilder } from './result-builder.js';

/**
 * Returns the outputs as a plain record, values untouched (arrays and tables are not copied).
 * The record itself is a shallow copy, so later changes to the driver's record do not leak in.
 * Use it when outputs have different lengths or shapes that do not belong in one table. A driver
 * with this builder types `execute(['a', 'b'])` as `{ a: A; b: B }`, from the modules' methods.
 *
 * @example
 * new DictResult().buildResult({ spend: [1, 2, 3], total: 6 }); // { spend: [1, 2, 3], total: 6 }
 */
export class DictResult implements ResultBuilder<RecordOfOutputs> {
  buildResult(outputs: Record<string, unknown>): RecordOfOutputs {
    return { ...outputs } as RecordOfOutputs;
  }
}
