import { HamiltonError } from '@hamilton-ts/core';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { bullmqMessages as text } from './messages.js';

/** Where Redis is: a `redis://` or `rediss://` URL, ioredis options (host, port, password, tls...), or an ioredis instance. */
export type RedisConnection = string | RedisOptions | Redis;

/** True for what `RedisConnection` accepts; JavaScript callers can pass anything. */
export function isRedisConnection(value: unknown): value is RedisConnection {
  if (typeof value === 'string') return /^rediss?:\/\//.test(value);
  if (value instanceof Cluster) return false;
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A new client this engine owns (closed with it). Commands wait for the connection rather than fail
 * at once; every wait is bounded by the engine's own deadline instead (see `whenReachable`).
 */
export function openClient(connection: RedisConnection, blocking: boolean): Redis {
  const base = { maxRetriesPerRequest: blocking ? null : undefined, lazyConnect: false };
  const client =
    connection instanceof Redis
      ? connection.duplicate(base)
      : typeof connection === 'string'
        ? new Redis(connection, base)
        : new Redis({ ...connection, ...base });
  // Without a listener ioredis prints every failed attempt; the last error is kept for messages.
  client.on('error', (error: Error) => {
    lastErrors.set(client, error.message);
  });
  return client;
}

const lastErrors = new WeakMap<Redis, string>();

/** Where a client points, for messages (no password). */
export function describeTarget(client: Redis): string {
  const { host, port, path } = client.options;
  return path ?? `${host ?? '127.0.0.1'}:${port ?? 6379}`;
}

/** Resolves once the client is ready; a clear `HamiltonError` when Redis does not answer within `ms`. */
export async function whenReachable(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve) => client.once('ready', () => resolve())),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HamiltonError(text.redisUnreachable(describeTarget(client), ms, lastErrors.get(client)))), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
