import 'reflect-metadata';
import { Driver, GraphBuildError, node } from '@hamilton-ts/core';
import { ArrowResult, type ResultBuilder } from '@hamilton-ts/result-builders';
import { ColumnTable, fromArrow } from 'arquero';
import { SimpleGraphAdapter, SimpleTableGraphAdapter } from './index.js';

class Doubling {
  @node() doubled(x: Float64Array): Float64Array {
    return x.map((v) => v * 2);
  }
  @node() total(doubled: Float64Array): number {
    return doubled.reduce((a, b) => a + b, 0);
  }
}
const x = Float64Array.from([1, 2, 3]);

test('SimpleTableGraphAdapter builds an arquero table, typed columns zero-copy and scalars broadcast', async () => {
  const dr = new Driver({}, Doubling, { adapter: new SimpleTableGraphAdapter() });
  const table = (await dr.execute(['doubled', 'total'], { inputs: { x } })) as ColumnTable;
  expect(table).toBeInstanceOf(ColumnTable);
  expect(table.objects()).toEqual([
    { doubled: 2, total: 12 },
    { doubled: 4, total: 12 },
    { doubled: 6, total: 12 },
  ]);
  const raw = await dr.rawExecute(['doubled'], { inputs: { x } });
  expect(raw.doubled).toEqual(Float64Array.from([2, 4, 6]));
});

test('SimpleGraphAdapter returns the plain record by default', async () => {
  const dr = new Driver({}, Doubling, { adapter: new SimpleGraphAdapter() });
  expect(await dr.execute(['total'], { inputs: { x } })).toEqual({ total: 12 });
});

test('SimpleGraphAdapter hands outputs to the builder it is given, sync or async', async () => {
  const arrow = new Driver({}, Doubling, { adapter: new SimpleGraphAdapter(new ArrowResult()) });
  const bytes = (await arrow.execute(['doubled'], { inputs: { x } })) as Uint8Array;
  expect(Array.from(fromArrow(bytes).array('doubled') as ArrayLike<number>)).toEqual([2, 4, 6]);
  const summary: ResultBuilder<Promise<string>> = { buildResult: async (o) => `total=${o.total}` };
  const custom = new Driver({}, Doubling, { adapter: new SimpleGraphAdapter(summary) });
  expect(await custom.execute(['total'], { inputs: { x } })).toBe('total=12');
});

test('two result-building adapters in one driver are refused, naming both', () => {
  const build = () => new Driver({}, Doubling, { adapter: [new SimpleTableGraphAdapter(), new SimpleGraphAdapter()] });
  expect(build).toThrow(GraphBuildError);
  expect(build).toThrow(/more than one adapter builds results \(SimpleTableGraphAdapter, SimpleGraphAdapter\)/);
});
