// `hamilton-ts worker` against a real redis-server: ready line, clean stop on SIGTERM/SIGINT, and exit
// code 1 with the engine's message when it cannot start.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../adapters/test/support/free-port.js';
import { type RedisServer, startRedisServer } from '../../adapters/test/support/redis-server.js';
import { runCli, spawnCli, waitForOutput } from './spawn-cli.js';

const MODULE = fileURLToPath(new URL('./fixtures/pipeline.ts', import.meta.url));
const BROKEN_MODULE = fileURLToPath(new URL('./fixtures/broken-pipeline.ts', import.meta.url));

describe('hamilton-ts worker on a real Redis', () => {
  let redis: RedisServer;
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    // Workers are still running only if a test failed before stopping them.
    for (const child of running)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    await redis?.stop();
  });

  it.each<[NodeJS.Signals]>([['SIGTERM'], ['SIGINT']])(
    'prints one line when ready, and on %s closes and exits with 0',
    async (signal) => {
      const worker = spawnCli([
        'worker',
        '--redis',
        redis.url,
        '--queue',
        'cli-test',
        '--concurrency',
        '2',
        '--lock-duration',
        '5000',
        MODULE,
      ]);
      running.add(worker);
      const exited = once(worker, 'exit');
      const ready = await waitForOutput(worker, /\n/, 'the worker');
      expect(ready).toBe(`hamilton-ts worker: queue cli-test on ${redis.url}, 1 module(s), concurrency 2\n`);
      worker.kill(signal);
      const [code, exitSignal] = await exited;
      expect({ code, signal: exitSignal }).toEqual({ code: 0, signal: null });
    },
    60_000,
  );

  it('exits with 1 and the engine message when a module fails to load', async () => {
    const run = await runCli(['worker', '--redis', redis.url, '--queue', 'cli-test', BROKEN_MODULE]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hamilton-ts worker: /);
    expect(run.stderr).toContain('broken-pipeline.ts fails to load on purpose');
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('hamilton-ts worker with Redis down', () => {
  it('exits with 1 and says it cannot reach Redis at that address', async () => {
    const port = await freePort();
    const run = await runCli(['worker', '--redis', `redis://127.0.0.1:${port}`, '--queue', 'cli-test', MODULE]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^hamilton-ts worker: .*Redis.*127\\.0\\.0\\.1:${port}`));
    expect(run.code).toBe(1);
  }, 60_000);
});
