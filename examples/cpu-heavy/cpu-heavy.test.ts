import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { cpuThreads, runRisk } from './pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/cpu-heavy', () => {
  it('gives the same values with worker threads as in this thread', async () => {
    const threads = cpuThreads(2);
    try {
      const sequential = await runRisk(20_000);
      const threaded = await runRisk(20_000, threads);
      expect(threaded.results).toEqual(sequential.results);
      expect(threaded.results.callValue).toBeInstanceOf(Float64Array);
      const { call, put } = threaded.results.summary as Record<string, number>;
      expect(call).toBeGreaterThan(0);
      expect(put).toBeGreaterThan(0);
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('runs as `npm run example:threads` does: node with the TypeScript loader of scripts/register-ts.js', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', 'examples/cpu-heavy/run.ts', '20000'],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(stdout).toMatch(
      /^20,000 paths per instrument, \d+ cores, median of 3 runs\nsequential: +\d+ ms\nworker threads: +\d+ ms \(\d+ threads\)\nspeed-up: +[\d.]+×\n/,
    );
  }, 60_000);
});
