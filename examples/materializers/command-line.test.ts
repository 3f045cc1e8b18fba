// The example driven from the command line: `hamilton-ts execute ... --materialize SPEC`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../packages/cli/test/spawn-cli.js';

const MODULES = ['examples/materializers/marketing-columns.ts', 'examples/marketing/marketing-features.ts'];
const dir = mkdtempSync(join(tmpdir(), 'hamilton-example-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shipped spec, its outputs moved into the test's directory. */
function specFile(): string {
  const text = readFileSync('examples/materializers/materialize.json', 'utf8').replaceAll('examples/materializers/out', dir);
  const path = join(dir, 'materialize.json');
  writeFileSync(path, text);
  return path;
}

describe('hamilton-ts execute --materialize', () => {
  it('reads the CSV, writes Parquet and DuckDB, says what it read and wrote, and prints the outputs asked for', async () => {
    const run = await runCli(['execute', ...MODULES, '--materialize', specFile(), '--outputs', 'spendMean', '--format', 'json']);
    expect(run.stderr).toMatch(
      /^hamilton-ts execute: rows: 300 rows × 4 columns ← examples\/marketing\/data\/marketing_spend\.csv \(csv, 7180 bytes, \d+ ms\)\n/,
    );
    expect(run.stderr).toContain(`hamilton-ts execute: saveFeatures: 300 rows × 4 columns → ${join(dir, 'features.parquet')} (parquet, `);
    expect(run.stderr).toContain('hamilton-ts execute: save_features: 300 rows × 4 columns → table features (sql, ');
    expect(JSON.parse(run.stdout).spendMean).toBeCloseTo(83.67, 2);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'features.parquet'))).toBe(true);
    expect(existsSync(join(dir, 'marketing.duckdb'))).toBe(true);
  }, 60_000);

  it('exits 1 naming the node, the format and the path of a missing file; 2 for a spec that is not a list', async () => {
    const missing = JSON.stringify([{ from: 'csv', target: 'rows', path: join(dir, 'nope.csv') }]);
    const run = await runCli(['execute', ...MODULES, '--materialize', missing, '--outputs', 'spendMean']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`node "rows" (csv, ${join(dir, 'nope.csv')}): file not found`);
    const notList = await runCli(['execute', ...MODULES, '--materialize', '{"from": "csv"}']);
    expect(notList.code).toBe(2);
    expect(notList.stderr).toContain('--materialize "{\\"from\\": \\"csv\\"}" is an object, not a JSON list; give a JSON list');
  }, 60_000);
});
