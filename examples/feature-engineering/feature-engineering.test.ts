import { DataValidationError, InputValidationError } from '@hamilton-ts/core';
import { loadMarketingData } from '../marketing/load-marketing-data.js';
import { FEATURES, featureDriver, regionFeatures } from './pipeline.js';

const us = loadMarketingData('US');

test('extractColumns, pipe and parameterize make the feature table of one region', async () => {
  const table = await regionFeatures('US', 'US');
  expect(table.columnNames()).toEqual(FEATURES);
  expect(table.numRows()).toBe(100);
  expect(Array.from(table.array('spend') as ArrayLike<number>)).toEqual(Array.from(us.spend));
  const mean4 = table.array('spendMean4w') as Float64Array;
  expect(Number.isNaN(mean4[2])).toBe(true);
  expect(mean4[3]).toBeCloseTo((us.spend[0] + us.spend[1] + us.spend[2] + us.spend[3]) / 4, 10);
});

test('the pipe caps spend at the spendCap config value', async () => {
  const dr = featureDriver('US', 100);
  const { cleanSpend, spendAsFloat } = await dr.rawExecute(['cleanSpend', 'spendAsFloat'], { inputs: { region: 'US' } });
  expect(Math.max(...(cleanSpend as Float64Array))).toBe(100);
  expect(spendAsFloat).toBeInstanceOf(Float64Array);
  expect(Math.max(...(spendAsFloat as Float64Array))).toBe(Math.max(...us.spend));
});

test('config.when picks the target cost per signup by market', async () => {
  const target = async (market: string) => (await featureDriver(market).rawExecute(['targetCostPerSignup'])).targetCostPerSignup;
  expect(await target('US')).toBe(3.2);
  expect(await target('EU')).toBe(3.6);
});

test('checkOutput fails the run when the score leaves [0, 1], naming node, validator and values', async () => {
  const dr = featureDriver('US');
  const costPerSignup = Float64Array.of(3, -4, 2);
  const run = dr.execute(['efficiencyScore'], { overrides: { costPerSignup } });
  await expect(run).rejects.toThrow(DataValidationError);
  await expect(dr.execute(['efficiencyScore'], { overrides: { costPerSignup } })).rejects.toThrow(/efficiencyScore.*range/);
});

test('tags and data-quality nodes are listed', () => {
  const dr = featureDriver('EU');
  expect(dr.listAvailableVariables({ tagFilter: { stage: 'model-input' } }).map((v) => v.name)).toEqual(['efficiencyScore']);
  expect(dr.listAvailableVariables({ tagFilter: { group: 'rolling' } }).map((v) => v.name)).toEqual([
    'spendMean2w',
    'spendMean4w',
    'spendMean8w',
  ]);
  expect(dr.listAvailableVariables({ tagFilter: { 'hamilton.data_quality.source_node': 'efficiencyScore' } })).toHaveLength(3);
});

test('a run without its region input names the input and the node that needs it', async () => {
  await expect(featureDriver('US').execute(['efficiencyScore'])).rejects.toThrow(InputValidationError);
  await expect(featureDriver('US').execute(['efficiencyScore'])).rejects.toThrow(/missing input "region", needed by marketingTable/);
});
