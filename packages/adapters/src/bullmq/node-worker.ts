import { HamiltonError, serializeError } from '@hamilton-ts/core';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { importModule } from '../remote/module-loader.js';
import { isTypeScriptUrl, moduleExists, moduleHref, typescriptInstalled } from '../remote/module-urls.js';
import { remoteMessages } from '../remote/remote-messages.js';
import { RemoteRunners, runRemoteNode } from '../remote/remote-runners.js';
import { isRedisConnection, openClient, type RedisConnection, whenReachable } from './connection.js';
import type { NodeJobData, NodeJobResult } from './job-protocol.js';
import { bullmqMessages as text } from './messages.js';
import { queueName as checkQueueName, wholeNumber } from './options.js';
import { getValue, putValue, type TransportSettings } from './value-transport.js';

/** Options of `createNodeWorker(options)`. */
export interface NodeWorkerOptions {
  /** Where Redis is: a `redis://` URL, ioredis options, or an ioredis instance (the worker opens its own connections from it). */
  readonly connection: RedisConnection;
  /** The pipeline modules this worker runs nodes of: URLs or paths (`.ts` through the project's TypeScript loader, or built `.js`). */
  readonly modules: readonly (URL | string)[];
  /** The queue to consume; default `hamilton`. */
  readonly queueName?: string;
  /** Jobs this worker runs at once (default 1). */
  readonly concurrency?: number;
  /** How long a job's lock lasts, in ms (default 30,000): a job of a worker that died is run again after about this long. */
  readonly lockDuration?: number;
  /** Results up to this many encoded bytes ride back in the job; larger ones wait in Redis (default 65,536). */
  readonly inlineLimit?: number;
  /** How long to wait for Redis at start, in ms (default 10,000). */
  readonly connectTimeoutMs?: number;
}

/** A running worker. */
export interface NodeWorker {
  readonly queueName: string;
  /** The file URLs of the modules it loaded. */
  readonly modules: readonly string[];
  /** Stops taking jobs, lets those running finish, and closes the connections. */
  close(): Promise<void>;
}

const OWNER = 'createNodeWorker';

/**
 * Starts a worker that runs the nodes of `modules` for drivers using `BullMQGraphAdapter` on the same
 * queue. It loads the modules first (a module that fails to load fails here), then takes jobs. Only
 * nodes of its modules run, by name; a job for another node, or for a node that differs from the
 * driver's, fails with an error the driver reports.
 *
 * @example
 * const worker = await createNodeWorker({ connection: 'redis://127.0.0.1:6379', modules: [new URL('./features.js', import.meta.url)] });
 * process.on('SIGTERM', () => worker.close());
 */
export async function createNodeWorker(options: NodeWorkerOptions): Promise<NodeWorker> {
  const checked = checkWorkerOptions(options);
  await Promise.all(
    checked.modules.map((href) => importModule(href, (url, reason) => remoteMessages.importFailed(url, 'the worker', reason))),
  );
  const client = openClient(checked.connection, false);
  const blocking = openClient(checked.connection, true);
  try {
    await whenReachable(client, checked.connectTimeoutMs);
    await whenReachable(blocking, checked.connectTimeoutMs);
  } catch (error) {
    client.disconnect();
    blocking.disconnect();
    throw error;
  }
  const settings: TransportSettings = { inlineLimit: checked.inlineLimit, ttlSeconds: 86_400, keyPrefix: `hamilton:${checked.queueName}` };
  const runners = new RemoteRunners('the worker modules', 'the worker');
  const process = (job: Job<NodeJobData>) => runJob(job, checked.modules, runners, client, settings);
  const worker = new Worker<NodeJobData, NodeJobResult>(checked.queueName, process, {
    connection: blocking,
    concurrency: checked.concurrency,
    lockDuration: checked.lockDuration,
    // A stalled job (its worker died) is noticed within one lock duration, not BullMQ's default 30 s.
    stalledInterval: checked.lockDuration,
  });
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    queueName: checked.queueName,
    modules: checked.modules,
    async close() {
      await worker.close();
      client.disconnect();
      blocking.disconnect();
    },
  };
}

/** Runs one job: never throws for a job that cannot run (that is an answer), only for a node error worth retrying. */
async function runJob(
  job: Job<NodeJobData>,
  modules: readonly string[],
  runners: RemoteRunners,
  client: Redis,
  settings: TransportSettings,
): Promise<NodeJobResult> {
  const data = job.data;
  if (data.protocol !== 1)
    throw new UnrecoverableError(
      `job ${job.id} has protocol ${String(data.protocol)}, which this worker does not speak; run the same hamilton-ts version on drivers and workers`,
    );
  const task = { ...data, modules };
  let kwargs: Record<string, unknown>;
  let runner: Awaited<ReturnType<RemoteRunners['runnerFor']>>;
  try {
    runner = await runners.runnerFor(task, async () => (await getValue(client, data.config)) as Record<string, unknown>);
    runners.check(runner, task);
    kwargs = {};
    for (const [name, ref] of Object.entries(data.kwargs)) kwargs[name] = await getValue(client, ref);
  } catch (error) {
    return { ok: false, error: serializeError(error), thrownByNode: false };
  }
  let value: unknown;
  try {
    value = await runRemoteNode(runner, data.node, kwargs);
  } catch (error) {
    // Retried by BullMQ while attempts remain; on the last one the driver gets the error itself.
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
    return { ok: false, error: serializeError(error), thrownByNode: true };
  }
  try {
    return { ok: true, value: await putValue(client, settings, data.run, value, `the value of node "${data.node}"`) };
  } catch (error) {
    return { ok: false, error: serializeError(error), thrownByNode: false };
  }
}

interface CheckedWorkerOptions {
  readonly connection: RedisConnection;
  readonly modules: readonly string[];
  readonly queueName: string;
  readonly concurrency: number;
  readonly lockDuration: number;
  readonly inlineLimit: number;
  readonly connectTimeoutMs: number;
}

const KNOWN = ['connection', 'modules', 'queueName', 'concurrency', 'lockDuration', 'inlineLimit', 'connectTimeoutMs'];

function checkWorkerOptions(options: unknown): CheckedWorkerOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new HamiltonError(text.notAnOptionsObject(OWNER, options));
  const given = options as Partial<Record<string, unknown>>;
  for (const key of Object.keys(given)) if (!KNOWN.includes(key)) throw new HamiltonError(text.unknownOption(OWNER, key, KNOWN));
  const { connection } = given;
  if (!isRedisConnection(connection)) throw new HamiltonError(text.badConnection(OWNER, connection));
  return {
    connection: connection as RedisConnection,
    modules: checkModules(given.modules),
    queueName: checkQueueName(OWNER, given.queueName),
    concurrency: wholeNumber(OWNER, 'concurrency', given.concurrency, 1, 1),
    lockDuration: wholeNumber(OWNER, 'lockDuration', given.lockDuration, 30_000, 1),
    inlineLimit: wholeNumber(OWNER, 'inlineLimit', given.inlineLimit, 65_536, 0),
    connectTimeoutMs: wholeNumber(OWNER, 'connectTimeoutMs', given.connectTimeoutMs, 10_000, 1),
  };
}

function checkModules(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new HamiltonError(text.noModules(value));
  return value.map((entry, index) => {
    const href = moduleHref(entry);
    if (href === undefined) throw new HamiltonError(text.noModules(value));
    if (!moduleExists(href)) throw new HamiltonError(text.missingModule(index, href));
    if (isTypeScriptUrl(href) && !typescriptInstalled())
      throw new HamiltonError(
        `${OWNER}: the module ${href} is TypeScript, and the package "typescript" is not installed; install it, or give built .js modules`,
      );
    return href;
  });
}
