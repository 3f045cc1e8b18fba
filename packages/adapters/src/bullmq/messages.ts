// Every user-facing text of the BullMQ engine, in one place.
import { Cluster } from 'ioredis';
import { showValue } from '../remote/show-value.js';

const ADAPTER = 'BullMQGraphAdapter';

export const bullmqMessages = {
  notAnOptionsObject: (owner: string, value: unknown) =>
    `${owner}: options are ${showValue(value)}; pass an object of options, e.g. new ${owner}({ connection: 'redis://127.0.0.1:6379' })`,
  unknownOption: (owner: string, key: string, known: readonly string[]) =>
    `${owner}: there is no option "${key}"; the options are ${known.join(', ')}`,
  badConnection: (owner: string, value: unknown) =>
    `${owner}: option "connection" is ${value instanceof Cluster ? 'an ioredis Cluster' : showValue(value)}; give a redis:// or rediss:// URL, ioredis options ({ host, port, password, tls }), ` +
    'or an ioredis instance' +
    (value instanceof Cluster ? ' (Redis Cluster is not supported yet: BullMQ keys would need hash tags; use one Redis, or Sentinel)' : ''),
  badOption: (owner: string, name: string, value: unknown, expected: string) =>
    `${owner}: option "${name}" is ${showValue(value)}; ${expected}`,
  redisUnreachable: (target: string, ms: number, reason: string | undefined) =>
    `cannot reach Redis at ${target} within ${ms} ms${reason ? ` (${reason})` : ''}; start Redis there, or fix the connection option`,
  runTimedOut: (ms: number, pending: readonly string[]) =>
    `the run did not finish within timeoutMs (${ms} ms); its jobs still waiting (${pending.join(', ') || 'none'}) were cancelled. ` +
    'Start more workers on the queue, or raise timeoutMs',
  noWorkerAnswer: (node: string, queue: string) =>
    `node "${node}" was sent to the queue "${queue}" but the run ended before a worker finished it; is a worker (hamilton-ts worker) consuming that queue?`,
  valueMissing: (key: string) =>
    `the value stored under ${key} is gone from Redis (expired, or deleted when its run ended); run the node again`,
  noModules: (value: unknown) =>
    `createNodeWorker: option "modules" is ${showValue(value)}; list the pipeline modules the worker loads, e.g. [new URL('./features.js', import.meta.url)]`,
  missingModule: (index: number, url: string) => `createNodeWorker: option "modules" names ${url} at index ${index}, which does not exist`,
  adapterName: ADAPTER,
} as const;
