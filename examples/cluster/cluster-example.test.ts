// examples/cluster as the README runs it: a real redis-server, two `hamilton-ts worker` processes
// started through the CLI (what `npm run hamilton-ts -- worker ...` runs), the pipeline through the
// BullMQ engine compared with the local Driver, run.ts as `npm run example:cluster` runs it, and the
// workers stopped by SIGTERM.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ColumnTable } from 'arquero';
import { Redis } from 'ioredis';
import { type RedisServer, startRedisServer } from '../../packages/adapters/test/support/redis-server.js';
import { BookRisk } from './book-risk.js';
import { OUTPUTS, riskInputs } from './inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUEUE = 'examples';
const MODULE = 'examples/cluster/book-risk.ts';
// Small enough for a test; the nodes do the same work as in `npm run example:cluster`, only less of it.
const inputs = riskInputs(20_000, 200);
// jest's NODE_OPTIONS (--experimental-vm-modules) is not what the npm scripts run with.
const env = { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' };

let redis: RedisServer;
const workers: ChildProcess[] = [];

/** `npm run hamilton-ts -- worker --redis URL --queue examples examples/cluster/book-risk.ts`, without npm; resolves once it says it is ready. */
async function startWorker(url: string): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@hamilton-ts/source',
      '--import',
      `${ROOT}scripts/register-ts.js`,
      `${ROOT}packages/cli/src/main.ts`,
      'worker',
      '--redis',
      url,
      '--queue',
      QUEUE,
      MODULE,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  workers.push(child);
  const ready = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the worker exited (code ${code}, signal ${signal}) before it was ready; stdout:\n${stdout}\nstderr:\n${stderr}`)),
    );
  });
  return { child, ready };
}

/** The names of the jobs added to the queue so far, from its event stream. */
async function jobsAdded(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    const events = await client.xrange(`bull:${QUEUE}:events`, '-', '+');
    return events.flatMap(([, fields]) => {
      const field = (name: string) => fields[fields.indexOf(name) + 1];
      return field('event') === 'added' ? [field('name')!] : [];
    });
  } finally {
    client.disconnect();
  }
}

async function runValuesLeft(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    return await client.keys(`hamilton:${QUEUE}:run:*`);
  } finally {
    client.disconnect();
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);

afterAll(async () => {
  // Still running only if a test failed before stopping them.
  for (const child of workers)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  await redis?.stop();
}, 30_000);

describe('examples/cluster', () => {
  it('starts two workers through the CLI, each saying so in one line', async () => {
    const started = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    for (const { ready } of started) expect(ready).toBe(`hamilton-ts worker: queue ${QUEUE} on ${redis.url}, 1 module(s), concurrency 1\n`);
  }, 60_000);

  it('computes on the workers what the local Driver computes, and leaves no value in Redis', async () => {
    const outputs = [...OUTPUTS, 'scenarioPnl'];
    const local = await new Driver({}, BookRisk).rawExecute(outputs, { inputs });
    const cluster = new BullMQGraphAdapter({ connection: redis.url, queueName: QUEUE, nodes: { compute: 'cluster' } });
    try {
      const dr = new Driver({}, BookRisk, { adapter: cluster });
      const remote = await dr.rawExecute(outputs, { inputs });

      expect(remote.scenarioPnl).toBeInstanceOf(Float64Array);
      expect(remote.scenarioPnl).toEqual(local.scenarioPnl);
      expect(remote.stressGrid).toBeInstanceOf(ColumnTable);
      expect((remote.stressGrid as ColumnTable).objects()).toEqual((local.stressGrid as ColumnTable).objects());
      for (const name of ['bookValue', 'valueAtRisk99', 'expectedShortfall99', 'worstStress']) expect(remote[name]).toEqual(local[name]);
      expect(remote.valueAtRisk99).toBeGreaterThan(0);
      expect((remote.stressGrid as ColumnTable).numRows()).toBe(78);
    } finally {
      await cluster.close();
    }
    // Only the nodes tagged compute: 'cluster' went through the queue.
    expect((await jobsAdded(redis.url)).sort()).toEqual(['scenarioPnl', 'stressGrid']);
    // scenarioPnl (160 kB) waited in Redis under the run's keys, deleted when the run ended.
    expect(await runValuesLeft(redis.url)).toEqual([]);
  }, 60_000);

  it('runs as `npm run example:cluster` does, REDIS_URL pointing at the Redis', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', 'examples/cluster/run.ts', '20000'],
      { cwd: ROOT, env: { ...env, REDIS_URL: redis.url }, timeout: 60_000 },
    );
    expect(stdout).toMatch(
      new RegExp(
        `^options book, 20,000 scenarios, queue "examples" on ${redis.url.replaceAll('.', '\\.')}\\n` +
          'book value: +[\\d,.]+\\n1-day VaR 99%: +[\\d,.]+\\nexpected shortfall 99%: +[\\d,.]+\\n' +
          'worst stress: +-[\\d,.]+ \\(spot [+-]?\\d+%, volatility [+-]?\\d+%\\)\\n' +
          'stress grid: +78 shocks of spot and volatility\\ntime: +\\d+ ms\\n$',
      ),
    );
    expect(await runValuesLeft(redis.url)).toEqual([]);
  }, 60_000);

  it('stops the workers on SIGTERM after their jobs, exit code 0', async () => {
    expect(workers).toHaveLength(2);
    const exits = workers.map((child) => once(child, 'exit'));
    for (const child of workers) child.kill('SIGTERM');
    for (const [code, signal] of await Promise.all(exits)) expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 30_000);
});
