import { randomUUID } from 'node:crypto';
import {
  encodeValue,
  type GraphAdapter,
  type GraphView,
  HamiltonError,
  NodeExecutionError,
  type NodeRunRequest,
  reviveError,
  type Variable,
} from '@hamilton-ts/core';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { DriverFactsByConfig } from '../remote/driver-facts.js';
import { NodeSelection } from '../remote/node-selection.js';
import { openClient, whenReachable } from './connection.js';
import type { NodeJobData, NodeJobResult, ValueRef } from './job-protocol.js';
import { bullmqMessages as text } from './messages.js';
import { type BullMQGraphAdapterOptions, type CheckedBullMQOptions, checkAdapterOptions } from './options.js';
import { type PendingJob, RunContext } from './run-context.js';
import { deleteRunValues, getValue, putValue, type TransportSettings } from './value-transport.js';

/** The engine's connections: one for commands and values, one for the queue's events (a blocking read). */
interface Connection {
  readonly client: Redis;
  readonly eventsClient: Redis;
  readonly queue: Queue;
  readonly events: QueueEvents;
}

const PLACE = { one: 'a queue worker', many: 'queue workers' };

/** What the engine keeps per driver (by its config object): the classes its nodes come from, its encoded config. */
interface DriverFacts {
  readonly classes: readonly string[] | null;
  readonly configKey: string;
  readonly config: ValueRef;
}

let nextConfigKey = 0;

/**
 * Runs nodes on BullMQ workers (`hamilton-ts worker`, or `createNodeWorker`) over Redis: the driver
 * stays the orchestrator, enqueuing each node as a job when it becomes ready and releasing its
 * dependents when a worker has finished it. Workers run nodes by name from the modules they loaded;
 * values travel encoded (tables as Arrow IPC), large ones kept in Redis under the run's keys and
 * deleted when the run ends.
 *
 * @example
 * const cluster = new BullMQGraphAdapter({ connection: 'redis://127.0.0.1:6379', queueName: 'pricing', nodes: { compute: 'heavy' } });
 * const dr = new Driver({}, Features, { adapter: cluster });
 * const table = await dr.execute(['riskReport'], { inputs });
 * await cluster.close();
 */
export class BullMQGraphAdapter implements GraphAdapter {
  private readonly options: CheckedBullMQOptions;
  private readonly selection: NodeSelection;
  private readonly settings: TransportSettings;
  private readonly drivers = new DriverFactsByConfig<DriverFacts>((config, classes) => this.describe(config, classes));
  private readonly runs = new Map<string, RunContext>();
  private connected: Promise<Connection> | undefined;
  private readonly waiting = new Map<string, PendingJob>();

  constructor(options: BullMQGraphAdapterOptions) {
    this.options = checkAdapterOptions(options);
    this.selection = new NodeSelection(this.options.nodes);
    this.settings = {
      inlineLimit: this.options.inlineLimit,
      ttlSeconds: this.options.valueTtlSeconds,
      keyPrefix: `hamilton:${this.options.queueName}`,
    };
  }

  /** How many nodes of a run may be in flight at once; the driver starts that many independent nodes together. */
  get concurrency(): number {
    return this.options.concurrency;
  }

  /** The queue the workers must consume. */
  get queueName(): string {
    return this.options.queueName;
  }

  /** Refuses, when the driver is built, remote nodes that cannot run on a worker and a config that cannot be encoded. */
  validateGraph({ graph, config }: { graph: GraphView; config: Readonly<Record<string, unknown>> }): true | string {
    return this.drivers.validate(graph, config, this.selection, PLACE);
  }

  preGraphExecute({ runId }: { runId: string }): void {
    const timeout = this.options.timeoutMs;
    this.runs.set(runId, new RunContext(timeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeout));
  }

  /**
   * Cancels the run's jobs whose outcome never came and deletes the values it stored, by key, so the
   * cost does not grow with the rest of Redis. A failed run also sweeps its key prefix, for a result a
   * worker stored after the driver stopped waiting (anything still left expires after valueTtlSeconds).
   */
  async postGraphExecute({ runId, success }: { runId: string; success: boolean }): Promise<void> {
    const run = this.runs.get(runId);
    if (!run) return;
    this.runs.delete(runId);
    for (const [jobId, job] of run.pending) {
      this.waiting.delete(jobId);
      job.fail(new HamiltonError(text.noWorkerAnswer(job.node, this.options.queueName)));
    }
    const connection = this.connected && (await this.connected.catch(() => undefined));
    if (!connection) return;
    // An add that outlived the run's deadline may still land: wait for it (briefly) so its job is removed too.
    const added = await this.bounded(Promise.allSettled(run.enqueued), run.withoutDeadline(), true).catch(() => []);
    const unsettled = added.flatMap((a) => (a.status === 'fulfilled' && !run.settled.has(a.value) ? [a.value] : []));
    await Promise.all(unsettled.map((jobId) => connection.queue.remove(jobId).catch(() => 0)));
    if (run.stored.length) await connection.client.unlink(...run.stored).catch(() => 0);
    if (!success) await deleteRunValues(connection.client, this.settings, run.id).catch(() => undefined);
  }

  /** Sends selected nodes to the queue; the others run here. */
  runNode(request: NodeRunRequest, runLocally: () => unknown): unknown {
    if (!this.selection.selects(request.node)) return runLocally();
    return this.runOnWorker(request);
  }

  /** Closes the engine's Redis connections; a later run opens them again. */
  async close(): Promise<void> {
    const connection = this.connected;
    this.connected = undefined;
    if (!connection) return;
    const opened = await connection.catch(() => undefined);
    if (!opened) return;
    await Promise.allSettled([opened.events.close(), opened.queue.close()]);
    // BullMQ leaves connections it was given open: they are the engine's to close.
    opened.client.disconnect();
    opened.eventsClient.disconnect();
  }

  private async runOnWorker(request: NodeRunRequest): Promise<unknown> {
    const { node } = request;
    const run = this.runs.get(request.runId) ?? new RunContext(Number.POSITIVE_INFINITY);
    const className = classNameOf(node);
    let jobId: string;
    let finished: Promise<{ returnvalue?: unknown; failedReason?: string }>;
    try {
      const { client, queue } = await this.bounded(this.connect(), run);
      const data = await this.bounded(this.jobData(client, run, request), run, true);
      jobId = run.nextJobId();
      finished = this.waitFor(run, jobId, node.name);
      const added = queue
        .add(node.name, data, {
          jobId,
          attempts: this.options.attempts,
          backoff: this.options.backoff,
          removeOnComplete: true,
          removeOnFail: { age: 3600 },
        })
        .then(() => jobId);
      run.enqueued.push(added);
      await this.bounded(added, run, true);
    } catch (error) {
      throw error instanceof NodeExecutionError ? error : new NodeExecutionError(node.name, className, error);
    }
    const outcome = await this.bounded(finished, run).catch((error: unknown) => {
      throw new NodeExecutionError(node.name, className, error);
    });
    if (outcome.failedReason !== undefined) throw new NodeExecutionError(node.name, className, new Error(outcome.failedReason));
    const result = outcome.returnvalue as NodeJobResult;
    if (!result.ok) {
      const error = reviveError(result.error);
      // A node's own error reaches the walker as it would in-process; a job that could not run names the node.
      if (result.thrownByNode) throw error;
      throw new NodeExecutionError(node.name, className, error);
    }
    const { client } = await this.connect();
    if ('key' in result.value) run.stored.push(result.value.key);
    return this.bounded(getValue(client, result.value), run, true).catch((error: unknown) => {
      throw new NodeExecutionError(node.name, className, error);
    });
  }

  private async jobData(client: Redis, run: RunContext, request: NodeRunRequest): Promise<NodeJobData> {
    const { node } = request;
    const facts = this.drivers.of(request.config);
    const kwargs: Record<string, ValueRef> = {};
    for (const [name, value] of Object.entries(request.kwargs))
      kwargs[name] = await putValue(client, this.settings, run.id, value, `argument "${name}" of node "${node.name}"`, run.stored);
    return {
      protocol: 1,
      run: run.id,
      node: node.name,
      origin: node.origin,
      dependencies: request.dependencies,
      classes: facts.classes,
      configKey: facts.configKey,
      config: facts.config,
      kwargs,
    };
  }

  /** Resolves with the job's outcome when QueueEvents reports it. */
  private waitFor(run: RunContext, jobId: string, node: string): Promise<{ returnvalue?: unknown; failedReason?: string }> {
    return new Promise((resolve, reject) => {
      const pending: PendingJob = {
        node,
        settle: (outcome) => {
          run.settled.add(jobId);
          run.pending.delete(jobId);
          this.waiting.delete(jobId);
          resolve(outcome);
        },
        fail: (error) => {
          run.pending.delete(jobId);
          this.waiting.delete(jobId);
          reject(error);
        },
      };
      run.pending.set(jobId, pending);
      this.waiting.set(jobId, pending);
    });
  }

  /**
   * `promise`, or a clear error once the run's deadline passes; a Redis command (`redisCommand`) is
   * also bounded by `connectTimeoutMs`, so a Redis that stops answering mid-run never hangs the run.
   */
  private async bounded<T>(promise: Promise<T>, run: RunContext, redisCommand = false): Promise<T> {
    const runLeft = run.remaining();
    const commandLeft = redisCommand ? this.options.connectTimeoutMs : Number.POSITIVE_INFINITY;
    if (runLeft === Number.POSITIVE_INFINITY && commandLeft === Number.POSITIVE_INFINITY) return promise;
    const timeout = () =>
      runLeft <= commandLeft
        ? new HamiltonError(
            text.runTimedOut(
              this.options.timeoutMs!,
              [...run.pending.values()].map((p) => p.node),
            ),
          )
        : new HamiltonError(text.redisUnreachable(this.options.queueName, commandLeft, 'a command got no answer'));
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(timeout()), Math.max(0, Math.min(runLeft, commandLeft)));
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Opens the engine's connections once: a client for values, the queue, and its events (listening before any job is added). */
  private connect(): Promise<Connection> {
    this.connected ??= this.open();
    const connecting = this.connected;
    connecting.catch(() => {
      if (this.connected === connecting) this.connected = undefined;
    });
    return connecting;
  }

  private async open(): Promise<Connection> {
    const { connection, queueName, connectTimeoutMs } = this.options;
    const client = openClient(connection, false);
    const eventsClient = openClient(connection, true);
    try {
      await whenReachable(client, connectTimeoutMs);
      await whenReachable(eventsClient, connectTimeoutMs);
    } catch (error) {
      client.disconnect();
      eventsClient.disconnect();
      throw error;
    }
    const queue = new Queue(queueName, { connection: client });
    // Read events from Redis's clock now, not from whatever is newest when the listener's first read
    // starts ('$'): a job finishing in between would otherwise never be heard of.
    const [seconds, micros] = await client.time();
    const lastEventId = `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)}-0`;
    const events = new QueueEvents(queueName, { connection: eventsClient, lastEventId });
    events.on('completed', ({ jobId, returnvalue }) => this.waiting.get(jobId)?.settle({ returnvalue: parseReturn(returnvalue) }));
    events.on('failed', ({ jobId, failedReason }) => this.waiting.get(jobId)?.settle({ failedReason }));
    events.on('error', () => undefined);
    await events.waitUntilReady();
    return { client, eventsClient, queue, events };
  }

  private describe(config: Readonly<Record<string, unknown>>, classes: readonly string[] | null): DriverFacts {
    // The config always rides inline: it goes with every job, and configs are small in practice.
    const bytes = encodeValue(config, { name: 'config' });
    const inline = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    // Unique across driver processes, so workers never mix two drivers' graphs.
    return { classes, configKey: `${randomUUID()}-${nextConfigKey++}`, config: { inline } };
  }
}

/** QueueEvents hands the return value over as BullMQ stored it: JSON text. */
function parseReturn(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The class of a node, from its `Class.method` origin. */
function classNameOf(node: Variable): string | undefined {
  return node.origin?.slice(0, node.origin.indexOf('.'));
}
