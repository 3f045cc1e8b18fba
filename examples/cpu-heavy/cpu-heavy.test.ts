import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { cpuThreads, runFeatures } from './pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/cpu-heavy', () => {
  it('gives the same features with worker threads as in this thread', async () => {
    const threads = cpuThreads(2);
    try {
      const sequential = await runFeatures(400);
      const threaded = await runFeatures(400, threads);
      expect(threaded.results).toEqual(sequential.results);
      expect(threaded.results.rollingVolatility).toBeInstanceOf(Float64Array);
      expect(threaded.results.summary).toEqual(sequential.results.summary);
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('runs as `npm run example:threads` does: node with the TypeScript loader of scripts/register-ts.js', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', 'examples/cpu-heavy/run.ts', '300'],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(stdout).toMatch(/^300 days, \d+ cores\nsequential: +\d+ ms\nworker threads: +\d+ ms \(\d+ threads\)\nspeed-up: +[\d.]+×\n/);
  }, 60_000);
});
