/**
 * Turns the values a driver computed into the one result the caller asked for.
 * `outputs` maps each requested output name to its value, in the order the outputs were requested.
 * Implement it to shape results your own way; the built-in builders are `ArqueroTableResult`
 * (the default), `DictResult` and `ArrowResult`.
 *
 * @example
 * class SumResult implements ResultBuilder<number> {
 *   buildResult(outputs: Record<string, unknown>): number {
 *     return Object.values(outputs).reduce<number>((sum, v) => sum + Number(v), 0);
 *   }
 * }
 * new SumResult().buildResult({ a: 1, b: 2 }); // 3
 */
export interface ResultBuilder<R = unknown> {
  buildResult(outputs: Record<string, unknown>): R | Promise<R>;
}
