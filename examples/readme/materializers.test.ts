// The README's Materializers snippets, with their paths in a temporary directory.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Driver, node, source, value } from '@hamilton-ts/core';
import { from, loadFrom, registerFormat, saveTo, to } from '@hamilton-ts/io';
import type { ColumnTable } from 'arquero';
import { workDirectory } from '../../packages/io/test/io-support.js';
import { MarketingFeatures } from '../marketing/marketing-features.js';
import { MarketingColumns } from '../materializers/marketing-columns.js';

const CSV = 'examples/marketing/data/marketing_spend.csv';
let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
});
afterEach(() => work.cleanup());

test('dr.materialize: the CSV in, Parquet and DuckDB out', async () => {
  const dr = new Driver({}, [MarketingColumns, MarketingFeatures]);
  const { results, metadata } = await dr.materialize(
    [
      from.csv({ target: 'rows', path: CSV }),
      to.parquet({ id: 'saveFeatures', dependencies: ['region', 'spend', 'spendPerSignup'], path: work.file('out/features.parquet') }),
      to.sql({ table: 'features', dependencies: ['region', 'spend', 'spendPerSignup'], database: work.file('out/marketing.duckdb') }),
    ],
    { additionalVars: ['spendMean'] },
  );
  expect((results.spendMean as number).toFixed(2)).toBe('83.67');
  expect(metadata.saveFeatures).toMatchObject({ path: work.file('out/features.parquet'), format: 'parquet', rows: 300, columns: 3 });
  expect(metadata.saveFeatures.bytes).toBeGreaterThan(0);
  expect(metadata.save_features).toMatchObject({ table: 'features', rows: 300, columns: 3 });
  expect(metadata.rows).toMatchObject({ path: CSV, format: 'csv', rows: 300, columns: 4 });
  expect(metadata.rows.bytes).toBeGreaterThan(0);
});

test('@loadFrom and @saveTo', async () => {
  const out = work.file('out/total.json');
  class Report {
    @node()
    @loadFrom.csv({ path: source('dataPath'), inject: 'rows' })
    @saveTo.json({ path: value(out), id: 'saveTotal' })
    total(rows: ColumnTable, scale: number): number {
      return (rows.column('spend') as unknown as Float64Array).reduce((a, b) => a + b, 0) * scale;
    }
  }
  const dr = new Driver({}, Report);
  await dr.execute(['saveTotal'], { inputs: { dataPath: CSV, scale: 2 } });
  expect(JSON.parse(readFileSync(out, 'utf8'))).toBeCloseTo(83.67 * 300 * 2, -1);
  expect(dr.listAvailableVariables().map((v) => v.name)).toContain('total.load_rows');
});

test('registerFormat', async () => {
  class Shout {
    @node() shout(lines: string[]): string[] {
      return lines.map((l) => l.toUpperCase());
    }
  }
  registerFormat({
    name: 'lines',
    load: (bytes) => new TextDecoder().decode(bytes).split('\n'),
    save: (value) => (value as string[]).join('\n'),
    tabular: false,
  });
  const path = work.file('in.txt');
  const dr = new Driver({}, Shout);
  await dr.materialize([to.format('lines', { id: 'save', dependencies: ['shout'], path })], { inputs: { lines: ['a', 'b'] } });
  const { results } = await dr.materialize([from.format('lines', { target: 'lines', path })], { additionalVars: ['shout'] });
  expect(results.shout).toEqual(['A', 'B']);
});
