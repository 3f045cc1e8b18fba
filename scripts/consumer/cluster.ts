// The cluster engine from the installed packages (with bullmq and ioredis), compiled strict, no casts.
// No Redis runs here: an engine connects when the first node it selects runs, and every option is
// checked before that, so a driver is built with it, runs nodes it does not select, and refuses bad options.
import 'reflect-metadata';
import {
  BullMQGraphAdapter,
  type BullMQGraphAdapterOptions,
  createNodeWorker,
  type NodeWorker,
  type RedisConnection,
} from '@hamilton-ts/adapters/bullmq';
import { Driver, HamiltonError } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { Heavy } from './features.js';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

/** Runs `build` and checks it throws, or rejects with, a HamiltonError whose message contains `text`. */
async function refuses(build: () => unknown, text: string, what: string): Promise<void> {
  try {
    await build();
  } catch (error) {
    check(error instanceof HamiltonError && error.message.includes(text), `${what}: ${String(error)}`);
    return;
  }
  check(false, `${what} must be refused`);
}

const connection: RedisConnection = 'redis://127.0.0.1:6379';
const options: BullMQGraphAdapterOptions = {
  connection,
  queueName: 'consumer',
  nodes: ['sumOfRoots'],
  attempts: 3,
  backoff: { type: 'exponential', delay: 200 },
  timeoutMs: 60_000,
  connectTimeoutMs: 5_000,
  inlineLimit: 1 << 20,
};
const cluster = new BullMQGraphAdapter(options);
check(cluster.queueName === 'consumer' && cluster.concurrency === 64, 'the adapter keeps its options');
try {
  const dr = new Driver({}, Heavy, { adapter: [cluster, new DictResult()] });
  // squares is not sent to workers: it runs here, and nothing connects to Redis.
  const { squares } = await dr.execute(['squares'], { inputs: { iterations: 2 } });
  check(squares instanceof Float64Array && squares[0] === 4, 'a node the engine does not select runs in this process');
} finally {
  await cluster.close();
}

await refuses(() => new BullMQGraphAdapter({ connection, attempts: 0 }), 'option "attempts" is 0', 'attempts: 0');
await refuses(() => new BullMQGraphAdapter({ connection: 'localhost:6379' }), 'option "connection"', 'a connection that is not a URL');
await refuses(() => new BullMQGraphAdapter({ connection, queueName: 'jobs:eu' }), 'option "queueName"', 'a queue name with ":"');

const noModules: Promise<NodeWorker> = createNodeWorker({ connection, modules: [] });
await refuses(() => noModules, 'option "modules"', 'a worker without modules');
await refuses(
  () => createNodeWorker({ connection, modules: [new URL('./missing.js', import.meta.url)], concurrency: 4 }),
  'does not exist',
  'a worker given a module that does not exist',
);
console.log('consumer cluster engine: the adapter is built and checked without Redis');
