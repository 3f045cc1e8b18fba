import { HamiltonError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { Cluster } from 'ioredis';
import { BullMQGraphAdapter } from './bullmq-graph-adapter.js';
import { createNodeWorker } from './node-worker.js';

const make = (options: unknown) => () => new BullMQGraphAdapter(options as never);

describe('BullMQGraphAdapter options', () => {
  it('takes a URL with its defaults', () => {
    const adapter = new BullMQGraphAdapter({ connection: 'redis://127.0.0.1:6379' });
    expect(adapter.queueName).toBe('hamilton');
    expect(adapter.concurrency).toBe(64);
  });

  it.each([
    [undefined, /options are undefined; pass an object of options/],
    [{ connection: 'http://x' }, /option "connection" is "http:\/\/x"; give a redis:\/\/ or rediss:\/\/ URL/],
    [{ connection: 'redis://h', queueName: 'a b' }, /option "queueName" is "a b"; give a name of letters/],
    [{ connection: 'redis://h', attempts: 0 }, /option "attempts" is 0; give a whole number of at least 1/],
    [{ connection: 'redis://h', timeoutMs: 1.5 }, /option "timeoutMs" is 1.5/],
    [{ connection: 'redis://h', backoff: { type: 'linear', delay: 1 } }, /option "backoff" is an object; give milliseconds/],
    [{ connection: 'redis://h', nodes: [] }, /option "nodes" is \[\]; give node names/],
    [{ connection: 'redis://h', nodes: { compute: 3 } }, /option "nodes" filters tag "compute" by 3; a tag filter value is a string/],
    [{ connection: 'redis://h', queue: 'x' }, /there is no option "queue"; the options are connection, queueName/],
  ])('refuses %p with a HamiltonError saying what to give', (options, message) => {
    expect(make(options)).toThrow(HamiltonError);
    expect(make(options)).toThrow(message);
  });

  it('refuses a Redis Cluster, which it does not support yet', () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true });
    expect(make({ connection: cluster })).toThrow(/Redis Cluster is not supported yet/);
    cluster.disconnect();
  });
});

describe('createNodeWorker options', () => {
  it('refuses missing modules and bad numbers before connecting', async () => {
    await expect(createNodeWorker({ connection: 'redis://127.0.0.1:1', modules: [] })).rejects.toThrow(/option "modules" is \[\]/);
    await expect(createNodeWorker({ connection: 'redis://127.0.0.1:1', modules: ['./no-such-file.ts'] })).rejects.toThrow(
      /which does not exist/,
    );
    await expect(
      createNodeWorker({ connection: 'redis://127.0.0.1:1', modules: [new URL(import.meta.url)], concurrency: 0 }),
    ).rejects.toThrow(/option "concurrency" is 0/);
  });
});
