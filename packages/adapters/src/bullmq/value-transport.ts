import { randomUUID } from 'node:crypto';
import { decodeValue, encodeValue, HamiltonError } from '@hamilton-ts/core';
import type { Redis } from 'ioredis';
import type { ValueRef } from './job-protocol.js';
import { bullmqMessages as text } from './messages.js';

/** How values travel between the driver and queue workers, and where large ones wait. */
export interface TransportSettings {
  /** Encoded values up to this many bytes ride in the job; larger ones are stored in Redis. */
  readonly inlineLimit: number;
  /** Seconds a stored value may outlive its run if nobody deletes it (a crashed driver). */
  readonly ttlSeconds: number;
  /** Prefix of every key of this queue: `hamilton:{queue}`. */
  readonly keyPrefix: string;
}

/** The Redis key prefix of one run's values: deleting `${runKeys(...)}*` removes them all. */
export function runKeys(settings: TransportSettings, run: string): string {
  return `${settings.keyPrefix}:run:${run}:`;
}

/**
 * Encodes a value for a job or a job's result. `name` says what the value is in an error message
 * (e.g. `argument "spend" of node "score"`); `stored` collects the keys written, for cleanup.
 */
export async function putValue(
  client: Redis,
  settings: TransportSettings,
  run: string,
  value: unknown,
  name: string,
  stored?: string[],
): Promise<ValueRef> {
  const bytes = encodeValue(value, { name });
  if (bytes.byteLength <= settings.inlineLimit)
    return { inline: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  const key = `${runKeys(settings, run)}${randomUUID()}`;
  await client.set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', settings.ttlSeconds);
  stored?.push(key);
  return { key };
}

/** The value a `ValueRef` stands for. */
export async function getValue(client: Redis, ref: ValueRef): Promise<unknown> {
  if ('inline' in ref) return decodeValue(Buffer.from(ref.inline, 'base64'));
  const bytes = await client.getBuffer(ref.key);
  if (bytes === null) throw new HamiltonError(text.valueMissing(ref.key));
  return decodeValue(bytes);
}

/** Deletes every value a run stored (the driver's and its workers'), scanning by the run's prefix. */
export async function deleteRunValues(client: Redis, settings: TransportSettings, run: string): Promise<void> {
  const pattern = `${runKeys(settings, run)}*`;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
