// The four snippets of Hamilton's Driver docs, each as a function with the same steps.

import { SimpleTableGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import type { ColumnTable } from 'arquero';
import { loadMarketingData, marketingDataByRegion } from './load-marketing-data.js';
import { MarketingFeatures } from './marketing-features.js';

/** The outputs every snippet asks for. */
export const OUTPUTS = ['spend', 'signups', 'avg3WkSpend', 'spendPerSignup', 'spendZeroMeanUnitVariance'];

/** Instantiation: config, the modules to crawl, and the result type (an arquero table by default). */
export function instantiate(config: Record<string, unknown> = {}): Driver<ColumnTable> {
  // 1. Set up config (values here feed nodes' parameters by name).
  // 2. Tell hamilton-ts where to load node definitions from: a class (or instance, or an array of them).
  const modules = MarketingFeatures;
  // 3. Determine the return type: an arquero table, like the default.
  const adapter = new SimpleTableGraphAdapter();
  return new Driver<ColumnTable>(config, modules, { adapter });
}

/** Using a DAG once: every input is passed in config. */
export async function useOnce(): Promise<ColumnTable> {
  const { spend, signups } = loadMarketingData();
  const dr = instantiate({ spend, signups });
  return dr.execute(OUTPUTS);
}

/** Using a DAG multiple times: inputs vary per call, here one region at a time. */
export async function useManyTimes(): Promise<Array<{ region: string; table: ColumnTable }>> {
  const dr = instantiate();
  const results: Array<{ region: string; table: ColumnTable }> = [];
  for (const { region, ...data } of marketingDataByRegion()) {
    const table = await dr.execute(OUTPUTS, { inputs: data });
    results.push({ region, table });
  }
  return results;
}

/** Short-circuiting: an override replaces a node's value; nothing upstream of it runs. */
export async function shortCircuit(): Promise<ColumnTable> {
  const { spend, signups } = loadMarketingData('US');
  const dr = instantiate({ spend, signups });
  return dr.execute(['spendZeroMeanUnitVariance'], { overrides: { spendStdDev: 1 } });
}
