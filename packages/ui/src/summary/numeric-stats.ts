/** Min, max, mean and NaN count of the numbers scanned; min/max/mean absent when no number was a number (all NaN). */
export interface NumericStats {
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly nanCount: number;
  /** How many elements were scanned (at most the cap). */
  readonly scanned: number;
}

/** Something indexable with numbers: a typed array, or an array known to hold numbers. */
type Numbers = { readonly length: number; readonly [index: number]: number };

/**
 * Stats of the first `limit` elements of a numeric typed array. The main pass has no branch a NaN
 * could take (a NaN fails both comparisons, so min and max pass it over, and it turns the sum NaN);
 * only when the sum comes out NaN does a second pass count the NaNs and sum the rest.
 */
export function typedArrayStats(values: Numbers, limit: number): NumericStats {
  const n = Math.min(values.length, limit);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    min = v < min ? v : min;
    max = v > max ? v : max;
    sum += v;
  }
  let nan = 0;
  // biome-ignore lint/suspicious/noSelfCompare: NaN test
  if (sum !== sum) {
    sum = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      // biome-ignore lint/suspicious/noSelfCompare: NaN test
      if (v !== v) nan++;
      else sum += v;
    }
  }
  return finish(min, max, sum, nan, n, n);
}

/**
 * Stats of `count` elements read by `read(i)` (a plain array, an arquero column) when they are numbers,
 * `null` or `undefined` (missing values are passed over); `undefined` at the first element of another
 * type, or when none is a number: the value is then described by its length alone.
 */
export function looseStats(read: (index: number) => unknown, count: number): NumericStats | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let nan = 0;
  let numbers = 0;
  for (let i = 0; i < count; i++) {
    const v = read(i);
    if (typeof v !== 'number') {
      if (v === null || v === undefined) continue;
      return undefined;
    }
    numbers++;
    // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test on the hot loop
    if (v !== v) {
      nan++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return numbers === 0 ? undefined : finish(min, max, sum, nan, numbers, count);
}

function finish(min: number, max: number, sum: number, nan: number, numbers: number, scanned: number): NumericStats {
  const counted = numbers - nan;
  return counted > 0 ? { min, max, mean: sum / counted, nanCount: nan, scanned } : { nanCount: nan, scanned };
}
