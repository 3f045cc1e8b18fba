// A CPU-heavy pipeline: Monte Carlo values of four instruments on one simulated price series. Each
// simulation is independent of the others, so worker threads can run them at the same time.
import 'reflect-metadata';
import { node, tag } from '@hamilton-ts/core';

/** A seeded uniform generator (mulberry32): every thread draws the same numbers. */
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

const BATCHES = 64;
const YEARS = 0.25;

/**
 * The mean payoff of each of 64 batches of `paths` simulated prices a quarter ahead (geometric
 * Brownian motion, one Box-Muller draw per path).
 */
function simulate(spot: number, volatility: number, paths: number, seed: number, payoff: (price: number) => number): Float64Array {
  const next = uniforms(seed);
  const drift = -0.5 * volatility * volatility * YEARS;
  const spread = volatility * Math.sqrt(YEARS);
  const means = new Float64Array(BATCHES);
  const perBatch = Math.max(1, Math.floor(paths / BATCHES));
  for (let b = 0; b < BATCHES; b++) {
    let sum = 0;
    for (let p = 0; p < perBatch; p++) {
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      sum += payoff(spot * Math.exp(drift + spread * z));
    }
    means[b] = sum / perBatch;
  }
  return means;
}

export class OptionRisk {
  @node({ doc: 'Daily prices: a seeded random walk.' })
  prices(days: number, seed: number): Float64Array {
    const next = uniforms(seed);
    const prices = new Float64Array(days);
    let price = 100;
    for (let i = 0; i < days; i++) {
      price *= 1 + (next() - 0.5) * 0.04;
      prices[i] = price;
    }
    return prices;
  }

  @node({ doc: 'Annualised volatility of the daily log returns.' })
  volatility(prices: Float64Array): number {
    let sum = 0;
    let squares = 0;
    for (let i = 1; i < prices.length; i++) {
      const r = Math.log(prices[i] / prices[i - 1]);
      sum += r;
      squares += r * r;
    }
    const n = prices.length - 1;
    return Math.sqrt((squares / n - (sum / n) ** 2) * 252);
  }

  @node({ doc: 'At-the-money call, per batch of paths.' })
  @tag({ compute: 'cpu' })
  callValue(prices: Float64Array, volatility: number, paths: number): Float64Array {
    const spot = prices[prices.length - 1];
    return simulate(spot, volatility, paths, 11, (price) => Math.max(0, price - spot));
  }

  @node({ doc: 'At-the-money put, per batch of paths.' })
  @tag({ compute: 'cpu' })
  putValue(prices: Float64Array, volatility: number, paths: number): Float64Array {
    const spot = prices[prices.length - 1];
    return simulate(spot, volatility, paths, 12, (price) => Math.max(0, spot - price));
  }

  @node({ doc: 'Pays 1 if the price ends 10% up, per batch of paths.' })
  @tag({ compute: 'cpu' })
  digitalValue(prices: Float64Array, volatility: number, paths: number): Float64Array {
    const spot = prices[prices.length - 1];
    return simulate(spot, volatility, paths, 13, (price) => (price > spot * 1.1 ? 1 : 0));
  }

  @node({ doc: 'Loss beyond 20% of a holding of one share, per batch of paths.' })
  @tag({ compute: 'cpu' })
  tailLoss(prices: Float64Array, volatility: number, paths: number): Float64Array {
    const spot = prices[prices.length - 1];
    return simulate(spot, volatility, paths, 14, (price) => Math.max(0, spot * 0.8 - price));
  }

  @node({ doc: 'Each value: the mean over its batches.' })
  summary(callValue: Float64Array, putValue: Float64Array, digitalValue: Float64Array, tailLoss: Float64Array): Record<string, number> {
    const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
    return { call: mean(callValue), put: mean(putValue), digital: mean(digitalValue), tailLoss: mean(tailLoss) };
  }
}
