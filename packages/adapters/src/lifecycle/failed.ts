const text = () => 'FAILED';

/**
 * The value `GracefulErrorAdapter` gives a node that failed, and every node depending on one, unless
 * another `sentinel` is passed. It is one frozen object, unique to this package: compare it with `===`.
 * It prints as `FAILED` (in `String()`, `JSON.stringify` and `console.log`), and a result builder takes
 * it as a scalar.
 *
 * @example
 * const out = await dr.rawExecute(['report'], { inputs });
 * if (out.report === FAILED) console.warn('report failed:', graceful.failures());
 */
export const FAILED: Readonly<{ toString(): string; toJSON(): string }> = Object.freeze({
  toString: text,
  toJSON: text,
  [Symbol.for('nodejs.util.inspect.custom')]: text,
});
