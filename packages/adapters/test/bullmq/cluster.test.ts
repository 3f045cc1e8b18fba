import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver, HamiltonError, NodeExecutionError } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ColumnTable } from 'arquero';
import { Redis } from 'ioredis';
import { freePort } from '../support/free-port.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { Shapes, Troubles } from './fixtures/cluster-nodes.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

const NODES = new URL('./fixtures/cluster-nodes.ts', import.meta.url);
const DRIFTED = new URL('./fixtures/drifted-nodes.ts', import.meta.url);

let redis: RedisServer;
let workers: WorkerProcess[] = [];
const adapters: BullMQGraphAdapter[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'hamilton-cluster-'));

function cluster(queue: string, options: Partial<ConstructorParameters<typeof BullMQGraphAdapter>[0]> = {}): BullMQGraphAdapter {
  const adapter = new BullMQGraphAdapter({ connection: redis.url, queueName: queue, ...options });
  adapters.push(adapter);
  return adapter;
}

async function keysOf(queue: string): Promise<string[]> {
  const client = new Redis(redis.url);
  try {
    return await client.keys(`hamilton:${queue}:run:*`);
  } finally {
    client.disconnect();
  }
}

beforeAll(async () => {
  redis = await startRedisServer();
  workers = await Promise.all([0, 1].map(() => startWorkerProcess({ url: redis.url, queue: 'main', modules: [NODES] })));
}, 60_000);

afterAll(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

describe('BullMQGraphAdapter with worker processes', () => {
  it('computes what the local driver computes, values keeping their types', async () => {
    const inputs = { size: 1000, asOf: new Date('2026-01-02T03:04:05Z') };
    const outputs = ['total', 'summary', 'stamped', 'doubled'];
    const local = await new Driver({}, Shapes).rawExecute(outputs, { inputs });
    const remote = await new Driver({}, Shapes, { adapter: cluster('main') }).rawExecute(outputs, { inputs });
    expect(remote.total).toBe(local.total);
    expect(remote.doubled).toBeInstanceOf(Float64Array);
    expect(remote.doubled).toEqual(local.doubled);
    expect(remote.summary).toBeInstanceOf(ColumnTable);
    expect((remote.summary as ColumnTable).objects()).toEqual((local.summary as ColumnTable).objects());
    const stamped = remote.stamped as Map<string, unknown>;
    expect(stamped.get('asOf')).toEqual(inputs.asOf);
    expect(Buffer.isBuffer(stamped.get('bytes'))).toBe(true);
    expect(stamped.get('rows')).toBe(3);
  }, 60_000);

  it('keeps large typed arrays in Redis during the run and deletes them when it ends', async () => {
    const size = 1_000_000; // 8 MB per array, far above the inline limit
    const dr = new Driver({}, Shapes, { adapter: cluster('main', { inlineLimit: 1024 }) });
    const { doubled, total } = await dr.rawExecute(['doubled', 'total'], { inputs: { size } });
    expect((doubled as Float64Array).length).toBe(size);
    expect((doubled as Float64Array)[size - 1]).toBe(2 * (size - 1));
    expect(total).toBe(await new Driver({}, Shapes).rawExecute(['total'], { inputs: { size } }).then((r) => r.total));
    expect(await keysOf('main')).toEqual([]);
  }, 60_000);

  it('runs two drivers on one queue at the same time without mixing their runs', async () => {
    const one = new Driver({}, Shapes, { adapter: cluster('main') });
    const two = new Driver({}, Shapes, { adapter: cluster('main') });
    const [a, b] = await Promise.all([
      one.rawExecute(['total'], { inputs: { size: 10 } }),
      two.rawExecute(['total'], { inputs: { size: 20 } }),
    ]);
    const expected = async (size: number) => (await new Driver({}, Shapes).rawExecute(['total'], { inputs: { size } })).total;
    expect(a.total).toBe(await expected(10));
    expect(b.total).toBe(await expected(20));
  }, 60_000);

  it('reports a node that throws on a worker with its message and stack, and deletes the run values', async () => {
    const dr = new Driver({}, [Shapes, Troubles], { adapter: cluster('main', { inlineLimit: 16, nodes: ['base', 'explode'] }) });
    const error = await dr.rawExecute(['explode'], { inputs: { size: 5 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    const cause = (error as NodeExecutionError).cause as Error;
    expect(cause).toBeInstanceOf(RangeError);
    expect(cause.message).toBe('cannot take 5 values');
    expect(cause.stack).toMatch(/cluster-nodes\.ts/);
    expect(await keysOf('main')).toEqual([]);
  }, 60_000);

  it('names the node and the type of a value that cannot be encoded', async () => {
    const dr = new Driver({}, Troubles, { adapter: cluster('main', { nodes: ['unsendable'] }) });
    const error = (await dr.rawExecute(['unsendable'], { inputs: { size: 1 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.message).toMatch(/unsendable/);
    expect(String((error.cause as Error).message)).toMatch(/value of node "unsendable".*function/);

    class Opaque {}
    const sending = new Driver({}, Troubles, { adapter: cluster('main', { nodes: ['kindOf'] }) });
    const refused = (await sending
      .rawExecute(['kindOf'], { inputs: { thing: new Opaque() } })
      .catch((e: unknown) => e)) as NodeExecutionError;
    expect(refused).toBeInstanceOf(NodeExecutionError);
    expect(String((refused.cause as Error).message)).toMatch(/argument "thing" of node "kindOf".*Opaque/);
  }, 60_000);

  it('retries a failing node up to `attempts` times', async () => {
    const marker = join(scratch, 'flaky');
    const dr = new Driver({}, Troubles, { adapter: cluster('main', { attempts: 2, backoff: 10, nodes: ['flaky'] }) });
    expect(await dr.rawExecute(['flaky'], { inputs: { size: 1, marker } })).toEqual({ flaky: 2 });
  }, 60_000);
});

describe('workers whose modules are not the driver’s', () => {
  let drifted: WorkerProcess;
  beforeAll(async () => {
    drifted = await startWorkerProcess({ url: redis.url, queue: 'drifted', modules: [DRIFTED] });
  }, 60_000);
  afterAll(() => drifted.stop(), 30_000);

  it('fail the job with an error naming the node and what differs', async () => {
    const dr = new Driver({}, Shapes, { adapter: cluster('drifted', { nodes: ['total'] }) });
    const error = (await dr.rawExecute(['total'], { inputs: { size: 3 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(String((error.cause as Error).message)).toMatch(
      /node "total" differs between the driver and the worker modules .*depends on \[doubled, squared\]/,
    );
  }, 60_000);

  it('fail an unknown node clearly', async () => {
    const dr = new Driver({}, Shapes, { adapter: cluster('drifted', { nodes: ['base'] }) });
    const error = (await dr.rawExecute(['base'], { inputs: { size: 3 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(String((error.cause as Error).message)).toMatch(/node "base" is not defined in the worker modules/);
  }, 60_000);
});

describe('faults', () => {
  it('re-runs the job of a worker killed mid-job on another worker, with exact results', async () => {
    const queue = 'stalls';
    const pool = await Promise.all([0, 1].map(() => startWorkerProcess({ url: redis.url, queue, modules: [NODES], lockDuration: 1000 })));
    try {
      const marker = join(scratch, 'slow-pid');
      const dr = new Driver({}, Troubles, { adapter: cluster(queue, { nodes: ['slow'] }) });
      const running = dr.rawExecute(['slow'], { inputs: { size: 7, marker, sleepMs: 1500 } });
      while (!existsSync(marker)) await sleep(20);
      const victim = pool.find((w) => w.pid === Number(readFileSync(marker, 'utf8')))!;
      await victim.kill();
      expect(await running).toEqual({ slow: 70 });
      expect(Number(readFileSync(marker, 'utf8'))).not.toBe(victim.pid);
    } finally {
      await Promise.all(pool.map((w) => w.stop()));
    }
  }, 60_000);

  it('fails with a clear error within the timeout when Redis cannot be reached', async () => {
    const port = await freePort();
    const dr = new Driver({}, Shapes, { adapter: cluster('main', { connection: `redis://127.0.0.1:${port}`, connectTimeoutMs: 500 }) });
    const started = Date.now();
    const error = (await dr.rawExecute(['total'], { inputs: { size: 3 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.cause).toBeInstanceOf(HamiltonError);
    expect(String((error.cause as Error).message)).toMatch(new RegExp(`cannot reach Redis at 127\\.0\\.0\\.1:${port} within 500 ms`));
  }, 30_000);

  it('cancels the waiting jobs of a run that times out', async () => {
    const queue = 'nobody-listens';
    const dr = new Driver({}, Shapes, { adapter: cluster(queue, { timeoutMs: 300 }) });
    const error = (await dr.rawExecute(['base'], { inputs: { size: 3 } }).catch((e: unknown) => e)) as NodeExecutionError;
    expect(String((error.cause as Error).message)).toMatch(/did not finish within timeoutMs \(300 ms\)/);
    const client = new Redis(redis.url);
    try {
      expect(await client.llen(`bull:${queue}:wait`)).toBe(0);
      expect(await client.keys(`hamilton:${queue}:run:*`)).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 30_000);
});
