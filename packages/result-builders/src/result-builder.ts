/**
 * Turns the values a driver computed into the one result the caller asked for.
 * `outputs` maps each requested output name to its value, in the order the outputs were requested.
 * Implement it to shape results your own way; the built-in builders are `ArqueroTableResult`
 * (the default), `DictResult` and `ArrowResult`. A driver's `execute` is typed `R`.
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

// Exists only in types: no value carries it, so a plain record can never be mistaken for one.
declare const recordOfOutputs: unique symbol;

/**
 * What `DictResult` builds, seen by the type system: a record of outputs whose keys and value types
 * a driver fills in call by call (`execute(['a', 'b'])` is typed `{ a: A; b: B }`). At run time it
 * is a plain object.
 */
export type RecordOfOutputs = Record<string, unknown> & { readonly [recordOfOutputs]: true };
