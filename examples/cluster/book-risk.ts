// The risk of an options book. Market data and small statistics are cheap and stay on the driver; the
// two revaluations of the whole book (tag `compute: 'cluster'`) are CPU-heavy and independent, so two
// `hamilton-ts worker` processes, which import this file, run them at the same time.
import 'reflect-metadata';
import { node, tag } from '@hamilton-ts/core';
import { ColumnTable, table } from 'arquero';

/** One line of the book: `quantity` options on `underlying` (negative when sold). */
export interface Position {
  readonly underlying: string;
  readonly kind: 'call' | 'put';
  readonly strike: number;
  readonly expiryDays: number;
  readonly quantity: number;
}

const RATE = 0.03;
const TRADING_DAYS = 252;
const SPOT_SHOCKS = [-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const VOL_SHOCKS = [-0.5, -0.25, 0, 0.25, 0.5, 1];

/** A seeded uniform generator (mulberry32): the driver and every worker draw the same numbers. */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a seeded generator. */
function normals(seed: number): () => number {
  const next = uniforms(seed);
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** A European option's value (Black-Scholes). */
function europeanValue(kind: Position['kind'], spot: number, strike: number, years: number, vol: number): number {
  if (years <= 0) return Math.max(0, kind === 'call' ? spot - strike : strike - spot);
  const spread = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (RATE + 0.5 * vol * vol) * years) / spread;
  const d2 = d1 - spread;
  const discounted = strike * Math.exp(-RATE * years);
  return kind === 'call' ? spot * normalCdf(d1) - discounted * normalCdf(d2) : discounted * normalCdf(-d2) - spot * normalCdf(-d1);
}

/** An American option's value: a Cox-Ross-Rubinstein tree of `steps` steps, exercise checked at every node. */
function americanValue(kind: Position['kind'], spot: number, strike: number, years: number, vol: number, steps: number): number {
  const dt = years / steps;
  const up = Math.exp(vol * Math.sqrt(dt));
  const down = 1 / up;
  const growth = Math.exp(RATE * dt);
  const pUp = (growth - down) / (up - down);
  const sign = kind === 'call' ? 1 : -1;
  const prices = new Float64Array(steps + 1);
  const values = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    prices[i] = spot * up ** (steps - 2 * i);
    values[i] = Math.max(0, sign * (prices[i] - strike));
  }
  for (let step = steps - 1; step >= 0; step--)
    for (let i = 0; i <= step; i++) {
      prices[i] *= down;
      const held = (pUp * values[i] + (1 - pUp) * values[i + 1]) / growth;
      values[i] = Math.max(held, sign * (prices[i] - strike));
    }
  return values[0];
}

export class BookRisk {
  @node({ doc: 'Daily log returns of each underlying over the history window: a seeded stand-in for a market-data query.' })
  dailyReturns(spots: Record<string, number>, historyDays: number, seed: number): Map<string, Float64Array> {
    const draw = normals(seed);
    const names = Object.keys(spots);
    const series = names.map(() => new Float64Array(historyDays));
    for (let day = 0; day < historyDays; day++) {
      const market = draw();
      names.forEach((_, k) => {
        const beta = 0.5 + 0.15 * k;
        const dailyVol = (0.18 + 0.07 * k) / Math.sqrt(TRADING_DAYS);
        series[k][day] = dailyVol * (beta * market + Math.sqrt(1 - beta * beta) * draw());
      });
    }
    return new Map(names.map((name, k) => [name, series[k]]));
  }

  @node({ doc: 'Annualised volatility of each underlying.' })
  volatilities(dailyReturns: Map<string, Float64Array>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, returns] of dailyReturns) {
      const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
      const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
      out[name] = Math.sqrt(variance * TRADING_DAYS);
    }
    return out;
  }

  @node({ doc: 'Correlation matrix of the daily returns, row-major, underlyings in the order of spots.' })
  correlation(dailyReturns: Map<string, Float64Array>): Float64Array {
    const series = [...dailyReturns.values()];
    const n = series.length;
    const standardised = series.map((returns) => {
      const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
      const norm = Math.sqrt(returns.reduce((a, r) => a + (r - mean) ** 2, 0));
      return returns.map((r) => (r - mean) / norm);
    });
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) matrix[i * n + j] = standardised[i].reduce((a, x, t) => a + x * standardised[j][t], 0);
    return matrix;
  }

  @node({ doc: 'Value of the book today (Black-Scholes).' })
  bookValue(book: Position[], spots: Record<string, number>, volatilities: Record<string, number>): number {
    return book.reduce(
      (sum, p) => sum + p.quantity * europeanValue(p.kind, spots[p.underlying], p.strike, p.expiryDays / 365, volatilities[p.underlying]),
      0,
    );
  }

  @node({ doc: 'Profit and loss of the book over one day in each of `scenarios` correlated market moves, every option revalued.' })
  @tag({ compute: 'cluster' })
  scenarioPnl(
    book: Position[],
    spots: Record<string, number>,
    volatilities: Record<string, number>,
    correlation: Float64Array,
    scenarios: number,
    seed: number,
  ): Float64Array {
    const names = Object.keys(spots);
    const n = names.length;
    // Cholesky factor of the correlation: correlated moves are lower * independent draws.
    const lower = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        let sum = correlation[i * n + j];
        for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
        lower[i * n + j] = i === j ? Math.sqrt(sum) : sum / lower[j * n + j];
      }
    const dt = 1 / TRADING_DAYS;
    const index = book.map((p) => names.indexOf(p.underlying));
    const today = book.map((p) => europeanValue(p.kind, spots[p.underlying], p.strike, p.expiryDays / 365, volatilities[p.underlying]));
    const draw = normals(seed + 1);
    const independent = new Float64Array(n);
    const moved = new Float64Array(n);
    const pnl = new Float64Array(scenarios);
    for (let s = 0; s < scenarios; s++) {
      for (let i = 0; i < n; i++) independent[i] = draw();
      for (let i = 0; i < n; i++) {
        let x = 0;
        for (let k = 0; k <= i; k++) x += lower[i * n + k] * independent[k];
        const vol = volatilities[names[i]];
        moved[i] = spots[names[i]] * Math.exp(-0.5 * vol * vol * dt + vol * Math.sqrt(dt) * x);
      }
      let total = 0;
      book.forEach((p, b) => {
        const vol = volatilities[p.underlying];
        total += p.quantity * (europeanValue(p.kind, moved[index[b]], p.strike, (p.expiryDays - 1) / 365, vol) - today[b]);
      });
      pnl[s] = total;
    }
    return pnl;
  }

  @node({ doc: 'The book revalued as American options (a binomial tree) under every shock of spot and volatility: one row per pair.' })
  @tag({ compute: 'cluster' })
  stressGrid(book: Position[], spots: Record<string, number>, volatilities: Record<string, number>, treeSteps: number): ColumnTable {
    const value = (p: Position, spotShock: number, volShock: number) =>
      americanValue(
        p.kind,
        spots[p.underlying] * (1 + spotShock),
        p.strike,
        p.expiryDays / 365,
        volatilities[p.underlying] * (1 + volShock),
        treeSteps,
      );
    const base = book.map((p) => value(p, 0, 0));
    const rows = { spotShock: [] as number[], volShock: [] as number[], pnl: [] as number[] };
    for (const spotShock of SPOT_SHOCKS)
      for (const volShock of VOL_SHOCKS) {
        rows.spotShock.push(spotShock);
        rows.volShock.push(volShock);
        rows.pnl.push(book.reduce((sum, p, b) => sum + p.quantity * (value(p, spotShock, volShock) - base[b]), 0));
      }
    return table({ spotShock: rows.spotShock, volShock: rows.volShock, pnl: Float64Array.from(rows.pnl) });
  }

  @node({ doc: 'One-day value at risk at 99%: the loss exceeded in 1% of the scenarios.' })
  valueAtRisk99(scenarioPnl: Float64Array): number {
    const sorted = scenarioPnl.slice().sort();
    return -sorted[Math.floor(sorted.length * 0.01)];
  }

  @node({ doc: 'Expected shortfall at 99%: the mean loss over the worst 1% of the scenarios.' })
  expectedShortfall99(scenarioPnl: Float64Array): number {
    const sorted = scenarioPnl.slice().sort();
    const tail = sorted.subarray(0, Math.max(1, Math.floor(sorted.length * 0.01)));
    return -tail.reduce((a, b) => a + b, 0) / tail.length;
  }

  @node({ doc: 'The stress scenario that loses most.' })
  worstStress(stressGrid: ColumnTable): { spotShock: number; volShock: number; pnl: number } {
    return stressGrid.orderby('pnl').objects({ limit: 1 })[0] as { spotShock: number; volShock: number; pnl: number };
  }
}
