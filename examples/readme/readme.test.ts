// Runs the README's snippets against the public API.

import { SimpleTableGraphAdapter } from '@hamilton-ts/adapters';
import { AsyncDriver, Builder, Driver, node, testNode, type Variable } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import type { ColumnTable } from 'arquero';
import { loadMarketingData, marketingDataByRegion } from '../marketing/load-marketing-data.js';
import { MarketingFeatures } from '../marketing/marketing-features.js';
import { SpendFeatures } from './spend-features.js';

const spend = Float64Array.from([10, 20, 30, 40]);
const signups = Float64Array.from([1, 2, 5, 4]);

test('declaring nodes: names, renamed deps, the optional windowDays and the tags', async () => {
  const dr = new Driver({}, new SpendFeatures(2));
  const out = await dr.rawExecute(['spendPerSignup', 'signupsLastWeek'], { inputs: { spend, signups } });
  expect(Array.from(out.spendPerSignup as ArrayLike<number>)).toEqual([20, 20, 12, 20]); // renamed: unknown to the types
  expect(out.signupsLastWeek).toBe(12);
  expect(await dr.rawExecute(['signupsLastWeek'], { inputs: { signups, windowDays: 2 } })).toEqual({ signupsLastWeek: 9 });
  const last = dr.listAvailableVariables().find((v) => v.name === 'signupsLastWeek')!;
  expect(last.optionalDependencies).toEqual(['windowDays']);
  expect(last.tags).toEqual({ owner: 'growth', pii: 'false' });
});

test('instantiation, then using the DAG once, many times, and short-circuited', async () => {
  const { spend, signups } = loadMarketingData();
  const config = { spend, signups };
  const modules = MarketingFeatures;
  const adapter = new SimpleTableGraphAdapter();
  const dr = new Driver<ColumnTable>(config, modules, { adapter });

  const outputs = ['spendPerSignup', 'spendZeroMeanUnitVariance'];
  const table = await dr.execute(outputs);
  expect(table.numRows()).toBe(300);

  const perCall = new Driver<ColumnTable>({}, modules, { adapter });
  const dataset = marketingDataByRegion().map(({ spend, signups }) => ({ spend, signups }));
  for (const data of dataset) expect((await perCall.execute(outputs, { inputs: data })).numRows()).toBe(100);

  const intermediateValue = 1;
  const shortCircuited = await dr.execute(outputs, { overrides: { spendStdDev: intermediateValue } });
  expect(shortCircuited.get('spendZeroMeanUnitVariance', 0)).toBeCloseTo(spend[0] - spend.reduce((a, b) => a + b) / spend.length, 10);
});

test('tag filters, Builder and AsyncDriver as the README writes them', async () => {
  class Reports {
    @node() report(spendPerSignup: Float64Array, region: string): string {
      return `${region}: ${spendPerSignup.length}`;
    }
  }
  class Fetchers {
    @node() async spend(): Promise<Float64Array> {
      return Float64Array.from([1, 2]);
    }
    @node() async signups(): Promise<Float64Array> {
      return Float64Array.from([1, 1]);
    }
  }
  const timings = new Map<string, number>();
  const timingAdapter = {
    preNodeExecute: ({ node }: { node: Variable }) => void timings.set(node.name, performance.now()),
    postNodeExecute: ({ node }: { node: Variable }) => void timings.set(node.name, performance.now() - timings.get(node.name)!),
  };
  const dr2 = new Builder()
    .withModules(SpendFeatures, Reports)
    .withConfig({ region: 'US' })
    .withAdapters(timingAdapter)
    .allowModuleOverrides()
    .build();
  expect(await dr2.rawExecute(['report'], { inputs: { spend, signups } })).toEqual({ report: 'US: 4' });
  expect([...timings.keys()].sort()).toEqual(['report', 'spendPerSignup', 'spendUsd']);
  expect(dr2.listAvailableVariables({ tagFilter: { owner: 'growth' } }).map((v) => v.name)).toEqual(['signupsLastWeek']);
  expect(dr2.listAvailableVariables({ tagFilter: { owner: ['growth', 'finance'], pii: null } }).map((v) => v.name)).toEqual([
    'signupsLastWeek',
  ]);

  const adr = new AsyncDriver({}, [Fetchers, SpendFeatures], { maxConcurrency: 8 });
  expect(await adr.rawExecute(['spendPerSignup'])).toEqual({ spendPerSignup: Float64Array.from([1, 2]) });
});

test('DictResult and testNode as the README writes them', async () => {
  const dictDriver = new Driver({}, SpendFeatures, { adapter: new DictResult() });
  const { spendUsd } = await dictDriver.execute(['spendUsd'], { inputs: { spend } }); // Float64Array
  const { spendPerSignup } = await dictDriver.execute<{ spendPerSignup: Float64Array }>(['spendPerSignup'], { inputs: { spend, signups } });
  expect(Array.from(spendPerSignup)).toEqual([10, 10, 6, 10]);
  expect(spendUsd).toEqual(spend);

  const perSignup = await testNode<Float64Array>(SpendFeatures, 'spendPerSignup', { spendUsd, signups }); // type-checked
  const scaled = await testNode(new SpendFeatures(2), 'spendUsd', { spend }); // Float64Array, from the method
  expect(perSignup).toEqual(spendPerSignup);
  expect(scaled[3]).toBe(80);
  const usd = new SpendFeatures(1.1).spendUsd(spend);
  expect(usd[0]).toBeCloseTo(11, 10);
});

test('typed results as the README writes them', async () => {
  const dr = new Driver({}, SpendFeatures);
  const table = await dr.execute(['spendUsd'], { inputs: { spend } }); // ColumnTable
  expect(table.numRows()).toBe(4);
  const raw = await dr.rawExecute(['spendUsd', 'signupsLastWeek'], { inputs: { spend, signups } });
  const usd: Float64Array = raw.spendUsd;
  const lastWeek: number = raw.signupsLastWeek;
  expect([usd[0], lastWeek]).toEqual([10, 12]);
  const dictDriver = new Driver({}, SpendFeatures, { adapter: new DictResult() });
  const { spendUsd, signupsLastWeek } = await dictDriver.execute(['spendUsd', 'signupsLastWeek'], { inputs: { spend, signups } });
  expect(spendUsd.byteLength + signupsLastWeek).toBe(32 + 12);
});

test('seeing the DAG as the README writes it', async () => {
  const dr = new Driver({}, SpendFeatures);
  const dot = dr.displayAllFunctions();
  const mermaid = dr.displayAllFunctions({ format: 'mermaid' });
  const svg = await dr.displayAllFunctions({ format: 'svg' });
  const run = dr.visualizeExecution(['spendPerSignup'], { inputs: { spend, signups } });
  expect(dot).toContain('"spendUsd" -> "spendPerSignup";');
  expect(mermaid).toMatch(/^flowchart LR/);
  expect(svg).toContain('<svg');
  expect(run).not.toContain('signupsLastWeek');
});
