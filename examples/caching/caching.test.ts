import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { ran, reportDriver } from './pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/caching', () => {
  it('a second run loads the slow download and runs only the recomputed node and what depends on it', async () => {
    const path = mkdtempSync(join(tmpdir(), 'hamilton-example-cache-'));
    try {
      const inputs = { day: '2024-03-01', sensor: 'north-7' };
      const first = await reportDriver(path).rawExecute(['summary'], { inputs });
      ran.length = 0;
      const dr = reportDriver(path);
      const second = await dr.rawExecute(['summary'], { inputs });
      expect(second).toEqual(first);
      expect(ran).toEqual(['generatedAt', 'summary']);
      expect(Object.fromEntries(Object.entries(dr.cache.lastRun.nodes).map(([k, v]) => [k, v.status]))).toEqual({
        readings: 'hit',
        smoothed: 'hit',
        anomalies: 'hit',
        generatedAt: 'recompute',
        summary: 'miss',
      });
      ran.length = 0;
      await dr.rawExecute(['summary'], { inputs: { ...inputs, sensor: 'south-2' } });
      expect(ran).toEqual(['readings', 'smoothed', 'anomalies', 'generatedAt', 'summary']);
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  });

  it('runs as `npm run example:cache` does, printing both timings', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', 'examples/caching/run.ts', '--fresh'],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(stdout).toMatch(/first run: [\d.]+ ms, ran \[readings, smoothed, anomalies, generatedAt, summary\]/);
    expect(stdout).toMatch(/second run: [\d.]+ ms, ran \[generatedAt, summary\]/);
    expect(stdout).toMatch(/cache: readings=hit smoothed=hit anomalies=hit generatedAt=recompute summary=miss/);
  }, 60_000);
});
