// JSON has no typed arrays, Dates or bigints: values given on the command line are turned into the
// types the graph declares for its inputs. A value that does not convert cleanly is left as it is, so
// the driver's InputValidationError names the input, the type it wants and what it got.

// Every typed-array constructor has the same `from`; these two types stand for the number and bigint kinds.
type TypedArrayType = Float64ArrayConstructor;
type BigIntArrayType = BigInt64ArrayConstructor;

const FLOAT_ARRAYS: ReadonlySet<Function> = new Set([Float32Array, Float64Array]);
const INTEGER_ARRAYS: ReadonlySet<Function> = new Set([
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
]);
const BIGINT_ARRAYS: ReadonlySet<Function> = new Set([BigInt64Array, BigUint64Array]);

// A date, optionally with a time and a zone: what toISOString writes, and the shorter forms people type.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const INTEGER = /^[+-]?\d+$/;

/**
 * The inputs with each value converted to the type `typeOf(name)` gives (the graph's type for that
 * input; `undefined` or `Object` for any): typed arrays from arrays of numbers (`null` is NaN in a
 * float array, as JSON writes NaN), Dates from ISO strings, bigints from integers.
 *
 * @example
 * coerceInputs({ spend: [1, 2], start: '2024-01-01' }, (name) => ({ spend: Float64Array, start: Date })[name]);
 * // { spend: Float64Array [1, 2], start: Date 2024-01-01T00:00:00.000Z }
 */
export function coerceInputs(
  inputs: Readonly<Record<string, unknown>>,
  typeOf: (name: string) => Function | undefined,
): Record<string, unknown> {
  const coerced: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) coerced[name] = coerceValue(value, typeOf(name));
  return coerced;
}

/** One value converted to `type`, or the value itself when it does not convert exactly. */
export function coerceValue(value: unknown, type: Function | undefined): unknown {
  if (type === Date) return typeof value === 'string' && ISO_DATE.test(value) ? (validDate(value) ?? value) : value;
  if (type === BigInt) return toBigInt(value) ?? value;
  if (!Array.isArray(value) || type === undefined) return value;
  if (FLOAT_ARRAYS.has(type)) return floatArray(type as TypedArrayType, value) ?? value;
  if (INTEGER_ARRAYS.has(type)) return integerArray(type as TypedArrayType, value) ?? value;
  if (BIGINT_ARRAYS.has(type)) return bigintArray(type as BigIntArrayType, value) ?? value;
  return value;
}

/**
 * What to give for a value of `type` that `coerceValue` converts (a typed array, a Date, a bigint),
 * for messages; undefined for a type it leaves alone.
 */
export function conversionHint(type: Function): string | undefined {
  if (FLOAT_ARRAYS.has(type)) return 'an array of numbers (null for NaN), e.g. [1, 2.5]';
  if (INTEGER_ARRAYS.has(type)) return `an array of whole numbers that fit in ${type.name}, e.g. [1, 2]`;
  if (BIGINT_ARRAYS.has(type)) return 'an array of whole numbers or strings of digits, e.g. [1, "9007199254740993"]';
  if (type === Date) return 'an ISO date, e.g. "2024-03-05" or "2024-03-05T10:30:00Z"';
  if (type === BigInt) return 'a whole number or a string of digits, e.g. "9007199254740993"';
  return undefined;
}

function validDate(text: string): Date | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function floatArray(type: TypedArrayType, values: readonly unknown[]): ArrayLike<number> | undefined {
  if (!values.every((v) => typeof v === 'number' || v === null)) return undefined;
  return type.from(values, (v) => (v === null ? Number.NaN : (v as number)));
}

/** Only when every number fits: a typed array would silently wrap 300 into an Int8Array. */
function integerArray(type: TypedArrayType, values: readonly unknown[]): ArrayLike<number> | undefined {
  if (!values.every((v) => Number.isInteger(v))) return undefined;
  const array = type.from(values as number[]);
  for (let i = 0; i < values.length; i++) if (array[i] !== values[i]) return undefined;
  return array;
}

function bigintArray(type: BigIntArrayType, values: readonly unknown[]): ArrayLike<bigint> | undefined {
  const bigints: bigint[] = [];
  for (const value of values) {
    const bigint = toBigInt(value);
    if (bigint === undefined) return undefined;
    bigints.push(bigint);
  }
  const array = type.from(bigints);
  for (let i = 0; i < bigints.length; i++) if (array[i] !== bigints[i]) return undefined;
  return array;
}

/** A bigint from a safe integer or a string of digits (JSON numbers lose precision past 2^53). */
function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER.test(value.trim())) return BigInt(value.trim());
  return undefined;
}
