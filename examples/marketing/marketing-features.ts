import 'reflect-metadata';
import { node, tag } from '@hamilton-ts/core';

const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Marketing spend features: Hamilton's hello-world dataflow, in TypeScript. Each `@node` method is a
 * node; its parameters name the nodes (or inputs) it needs.
 */
export class MarketingFeatures {
  @node({ doc: 'Rolling 3-week average spend (NaN until three weeks are in).' })
  avg3WkSpend(spend: Float64Array): Float64Array {
    return spend.map((_, i) => (i < 2 ? Number.NaN : (spend[i] + spend[i - 1] + spend[i - 2]) / 3));
  }

  @node({ doc: 'The cost per signup in relation to spend.' })
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]);
  }

  @node({ doc: 'Shows function creating a scalar: the mean of a column.' })
  spendMean(spend: Float64Array): number {
    return mean(spend);
  }

  @node({ doc: 'Shows function that takes a scalar: spend with its mean removed.' })
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return spend.map((s) => s - spendMean);
  }

  @node({ doc: 'Standard deviation of spend.' })
  spendStdDev(spend: Float64Array): number {
    const m = mean(spend);
    return Math.sqrt(spend.reduce((acc, s) => acc + (s - m) ** 2, 0) / (spend.length - 1));
  }

  @node({ doc: 'Spend scaled to zero mean and unit variance.' })
  @tag({ stage: 'model-input' })
  spendZeroMeanUnitVariance(spendZeroMean: Float64Array, spendStdDev: number): Float64Array {
    return spendZeroMean.map((s) => s / spendStdDev);
  }
}
