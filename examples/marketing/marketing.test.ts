import { InputValidationError } from '@hamilton-ts/core';
import { instantiate, OUTPUTS, shortCircuit, useManyTimes, useOnce } from './driver-usage.js';
import { loadMarketingData } from './load-marketing-data.js';

test('the shipped CSV loads 300 rows, 100 weeks per region', () => {
  expect(loadMarketingData().spend).toHaveLength(300);
  expect(loadMarketingData('EU').signups).toHaveLength(100);
});

test('using the DAG once: config carries every input and the table has one column per output', async () => {
  const table = await useOnce();
  expect(table.numRows()).toBe(300);
  expect(table.columnNames()).toEqual(OUTPUTS);
  const scaled = table.array('spendZeroMeanUnitVariance') as Float64Array;
  const m = scaled.reduce((a, b) => a + b, 0) / scaled.length;
  expect(m).toBeCloseTo(0, 10);
  expect(Number.isNaN(table.get('avg3WkSpend', 1))).toBe(true);
  const spend = table.array('spend') as Float64Array;
  expect(table.get('avg3WkSpend', 2)).toBeCloseTo((spend[0] + spend[1] + spend[2]) / 3, 10);
});

test('using the DAG many times: one execute per region, each over its own rows', async () => {
  const runs = await useManyTimes();
  expect(runs.map((r) => r.region)).toEqual(['US', 'EU', 'APAC']);
  for (const { table } of runs) expect(table.numRows()).toBe(100);
  expect(runs[0].table.get('spend', 0)).toBe(loadMarketingData('US').spend[0]);
});

test('short-circuiting: the overridden standard deviation is used, not computed', async () => {
  const table = await shortCircuit();
  const spend = loadMarketingData('US').spend;
  const m = spend.reduce((a, b) => a + b, 0) / spend.length;
  expect(table.get('spendZeroMeanUnitVariance', 0)).toBeCloseTo(spend[0] - m, 10);
});

test('a driver without the inputs says which input is missing and who needs it', async () => {
  await expect(instantiate().execute(['spendPerSignup'])).rejects.toThrow(InputValidationError);
  await expect(instantiate().execute(['spendPerSignup'])).rejects.toThrow(/missing input "spend", needed by spendPerSignup/);
});
