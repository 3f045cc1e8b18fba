import 'reflect-metadata';
import { config, node, parameterize, pipe, source, step, tag, value } from '@hamilton-ts/core';

const WINDOWS = [2, 4, 8];

/** Trailing mean over `window` weeks; the first `window - 1` weeks have no full window (NaN). */
function trailingMean(series: Float64Array, window: number): Float64Array {
  const out = new Float64Array(series.length).fill(Number.NaN);
  let sum = 0;
  for (let i = 0; i < series.length; i++) {
    sum += series[i] - (i >= window ? series[i - window] : 0);
    if (i >= window - 1) out[i] = sum / window;
  }
  return out;
}

const toFloat64 = (xs: ArrayLike<number>): Float64Array => Float64Array.from(xs);
const clipAbove = (xs: Float64Array, cap: number): Float64Array => xs.map((x) => Math.min(x, cap));

/** Spend features: cleaned spend, trailing means over several windows, cost per signup. */
export class SpendFeatures {
  @node({ doc: 'Spend as floats, capped at the spendCap config value.' })
  @pipe(step(toFloat64).named('spendAsFloat'), step(clipAbove, source('spendCap')).named('spendCapped'))
  cleanSpend(spend: Float64Array): Float64Array {
    return spend;
  }

  @node({ doc: 'Mean spend over the trailing {window} weeks.' })
  @parameterize(Object.fromEntries(WINDOWS.map((w) => [`spendMean${w}w`, { window: value(w), series: source('cleanSpend') }])))
  @tag({ group: 'rolling' })
  spendMean(series: Float64Array, window: number): Float64Array {
    return trailingMean(series, window);
  }

  @node({ doc: 'Cost per signup each week.' })
  costPerSignup(cleanSpend: Float64Array, signups: ArrayLike<number>): Float64Array {
    return cleanSpend.map((s, i) => s / Math.max(1, signups[i]));
  }

  @node({ doc: 'Target cost per signup in the US market.' })
  @config.when({ market: 'US' })
  targetCostPerSignup__us(): number {
    return 3.2;
  }

  @node({ doc: 'Target cost per signup outside the US.' })
  @config.whenNot({ market: 'US' })
  targetCostPerSignup__intl(): number {
    return 3.6;
  }
}
