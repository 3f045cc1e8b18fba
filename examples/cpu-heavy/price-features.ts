// A CPU-heavy pipeline: a synthetic price series and four independent, deliberately naive features of it.
import 'reflect-metadata';
import { node, tag } from '@hamilton-ts/core';

/** A deterministic pseudo-random walk (mulberry32), so every thread computes the same series. */
function randomWalk(length: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const prices = new Float64Array(length);
  let price = 100;
  for (let i = 0; i < length; i++) {
    price *= 1 + (next() - 0.5) * 0.02;
    prices[i] = price;
  }
  return prices;
}

export class PriceFeatures {
  @node({ doc: 'Daily prices: a seeded random walk.' })
  prices(days: number, seed: number): Float64Array {
    return randomWalk(days, seed);
  }

  @node({ doc: 'Standard deviation of the last `window` prices, recomputed from scratch at every day.' })
  @tag({ compute: 'cpu' })
  rollingVolatility(prices: Float64Array, window: number): Float64Array {
    const out = new Float64Array(prices.length).fill(Number.NaN);
    for (let i = window - 1; i < prices.length; i++) {
      let sum = 0;
      for (let j = i - window + 1; j <= i; j++) sum += prices[j];
      const mean = sum / window;
      let squares = 0;
      for (let j = i - window + 1; j <= i; j++) squares += (prices[j] - mean) ** 2;
      out[i] = Math.sqrt(squares / window);
    }
    return out;
  }

  @node({ doc: 'Autocorrelation of daily returns at lags 1..lags.' })
  @tag({ compute: 'cpu' })
  autocorrelation(prices: Float64Array, lags: number): Float64Array {
    const returns = new Float64Array(prices.length - 1);
    for (let i = 1; i < prices.length; i++) returns[i - 1] = prices[i] / prices[i - 1] - 1;
    let mean = 0;
    for (const r of returns) mean += r / returns.length;
    let variance = 0;
    for (const r of returns) variance += (r - mean) ** 2;
    const out = new Float64Array(lags);
    for (let lag = 1; lag <= lags; lag++) {
      let covariance = 0;
      for (let i = lag; i < returns.length; i++) covariance += (returns[i] - mean) * (returns[i - lag] - mean);
      out[lag - 1] = covariance / variance;
    }
    return out;
  }

  @node({ doc: 'Worst loss from a peak of the last `window` days, for every day.' })
  @tag({ compute: 'cpu' })
  drawdown(prices: Float64Array, window: number): Float64Array {
    const out = new Float64Array(prices.length);
    for (let i = 0; i < prices.length; i++) {
      let worst = 0;
      for (let j = Math.max(0, i - window); j < i; j++) worst = Math.max(worst, 1 - prices[i] / prices[j]);
      out[i] = worst;
    }
    return out;
  }

  @node({ doc: 'Share of the last `2 × window` days priced below each day.' })
  @tag({ compute: 'cpu' })
  priceRank(prices: Float64Array, window: number): Float64Array {
    const out = new Float64Array(prices.length);
    for (let i = 0; i < prices.length; i++) {
      const from = Math.max(0, i - 2 * window);
      let below = 0;
      for (let j = from; j < i; j++) if (prices[j] < prices[i]) below++;
      out[i] = i > from ? below / (i - from) : 0.5;
    }
    return out;
  }

  @node({ doc: 'One line per feature: its last value.' })
  summary(
    rollingVolatility: Float64Array,
    autocorrelation: Float64Array,
    drawdown: Float64Array,
    priceRank: Float64Array,
  ): Record<string, number> {
    const last = (values: Float64Array) => values[values.length - 1];
    return {
      volatility: last(rollingVolatility),
      autocorrelationLag1: autocorrelation[0],
      worstDrawdown: Math.max(...drawdown),
      lastRank: last(priceRank),
    };
  }
}
