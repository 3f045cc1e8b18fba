import { HamiltonError, type TagFilter } from '@hamilton-ts/core';
import { checkNodesOption, type NodesOptionMessages } from '../remote/node-selection.js';
import { showValue } from '../remote/show-value.js';
import { isRedisConnection, type RedisConnection } from './connection.js';
import { bullmqMessages as text } from './messages.js';

/** Options of `new BullMQGraphAdapter(options)`. */
export interface BullMQGraphAdapterOptions {
  /** Where Redis is: a `redis://` URL, ioredis options (host, port, password, tls), or an ioredis instance. */
  readonly connection: RedisConnection;
  /** The queue the workers consume (`hamilton-ts worker --queue`); default `hamilton`. */
  readonly queueName?: string;
  /** Tries per node job (default 1): a node that throws, or whose worker died, is run again up to this many times. */
  readonly attempts?: number;
  /** Wait between tries: milliseconds, or BullMQ's `{ type: 'fixed' | 'exponential', delay }`. */
  readonly backoff?: number | { readonly type: 'fixed' | 'exponential'; readonly delay: number };
  /** The longest a run may take, in ms; its waiting jobs are then cancelled. Default: no limit. */
  readonly timeoutMs?: number;
  /** How long to wait for Redis to answer before failing the run, in ms (default 10,000). */
  readonly connectTimeoutMs?: number;
  /** The nodes sent to workers: names, or a tag filter; default all. The others run in this process. */
  readonly nodes?: readonly string[] | TagFilter;
  /** Nodes of one run in flight at once (the driver starts that many independent nodes together); default 64. */
  readonly concurrency?: number;
  /** Encoded values up to this many bytes ride in the job; larger ones wait in Redis (default 65,536). */
  readonly inlineLimit?: number;
  /** Seconds a stored value may outlive a run that could not delete it (default 86,400). */
  readonly valueTtlSeconds?: number;
}

/** The options with their defaults. */
export type CheckedBullMQOptions = Required<Omit<BullMQGraphAdapterOptions, 'backoff' | 'timeoutMs' | 'nodes'>> &
  Pick<BullMQGraphAdapterOptions, 'backoff' | 'timeoutMs' | 'nodes'>;

const OWNER = 'BullMQGraphAdapter';
const NODES_MESSAGES: NodesOptionMessages = {
  badNodes: (value) =>
    text.badOption(
      OWNER,
      'nodes',
      value,
      "give node names (['features', 'score']) or a tag filter ({ compute: 'cluster' }), or leave it out",
    ),
  badTagFilter: (key, value) =>
    `${OWNER}: option "nodes" filters tag "${key}" by ${showValue(value)}; a tag filter value is a string, an array of strings, ` +
    'or null (the node has the tag)',
};
const KNOWN = [
  'connection',
  'queueName',
  'attempts',
  'backoff',
  'timeoutMs',
  'connectTimeoutMs',
  'nodes',
  'concurrency',
  'inlineLimit',
  'valueTtlSeconds',
];

/** Checks every option (JavaScript callers can pass anything); a `HamiltonError` names the first wrong one. */
export function checkAdapterOptions(options: unknown): CheckedBullMQOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new HamiltonError(text.notAnOptionsObject(OWNER, options));
  const given = options as Partial<Record<string, unknown>>;
  for (const key of Object.keys(given)) if (!KNOWN.includes(key)) throw new HamiltonError(text.unknownOption(OWNER, key, KNOWN));
  if (!isRedisConnection(given.connection)) throw new HamiltonError(text.badConnection(OWNER, given.connection));
  return {
    connection: given.connection,
    queueName: queueName(OWNER, given.queueName),
    attempts: wholeNumber(OWNER, 'attempts', given.attempts, 1, 1),
    backoff: backoff(given.backoff),
    timeoutMs: given.timeoutMs === undefined ? undefined : wholeNumber(OWNER, 'timeoutMs', given.timeoutMs, 1, 1),
    connectTimeoutMs: wholeNumber(OWNER, 'connectTimeoutMs', given.connectTimeoutMs, 10_000, 1),
    nodes: checkNodesOption(given.nodes, NODES_MESSAGES),
    concurrency: wholeNumber(OWNER, 'concurrency', given.concurrency, 64, 1),
    inlineLimit: wholeNumber(OWNER, 'inlineLimit', given.inlineLimit, 65_536, 0),
    valueTtlSeconds: wholeNumber(OWNER, 'valueTtlSeconds', given.valueTtlSeconds, 86_400, 1),
  };
}

/** A queue name: letters, digits, `-`, `_` and `.` (it becomes part of Redis keys). */
export function queueName(owner: string, value: unknown): string {
  if (value === undefined) return 'hamilton';
  if (typeof value === 'string' && /^[\w.-]+$/.test(value)) return value;
  throw new HamiltonError(
    text.badOption(owner, 'queueName', value, 'give a name of letters, digits, "-", "_" or "." (default "hamilton")'),
  );
}

/** A whole number of at least `min`, or the default when absent. */
export function wholeNumber(owner: string, name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw new HamiltonError(text.badOption(owner, name, value, `give a whole number of at least ${min} (default ${fallback})`));
}

function backoff(value: unknown): CheckedBullMQOptions['backoff'] {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  const b = value as { type?: unknown; delay?: unknown } | null;
  if (b && typeof b === 'object' && (b.type === 'fixed' || b.type === 'exponential') && typeof b.delay === 'number' && b.delay >= 0)
    return { type: b.type, delay: b.delay };
  throw new HamiltonError(
    text.badOption(OWNER, 'backoff', value, "give milliseconds, or { type: 'fixed' | 'exponential', delay: milliseconds }"),
  );
}
