import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { materializeFeatures, readBack } from './materialize-features.js';

const outDir = mkdtempSync(join(tmpdir(), 'hamilton-example-io-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('examples/materializers', () => {
  it('reads the marketing CSV (reporting what it read), writes the features to Parquet and DuckDB, and reads them back', async () => {
    const { metadata, results } = await materializeFeatures(outDir);
    expect(metadata.rows).toMatchObject({ format: 'csv', rows: 300, columns: 4, bytes: 7180 });
    expect(metadata.saveFeatures).toMatchObject({ path: join(outDir, 'features.parquet'), format: 'parquet', rows: 300, columns: 4 });
    expect(metadata.save_features).toMatchObject({ format: 'sql', table: 'features', rows: 300, columns: 4 });
    expect(results.spendMean).toBeCloseTo(83.67, 2);
    expect(existsSync(join(outDir, 'features.parquet'))).toBe(true);
    const back = await readBack(outDir);
    expect(back.rows).toBe(300);
    expect(Object.keys(back.byRegion)).toEqual(['APAC', 'EU', 'US']);
    expect(back.byRegion.US + back.byRegion.EU + back.byRegion.APAC).toBeCloseTo((results.spendMean as number) * 300, 0);
  });
});
