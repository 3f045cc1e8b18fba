import {
  type GraphAdapter,
  type GraphView,
  NodeExecutionError,
  type NodeRunRequest,
  packForTransfer,
  reviveError,
  unpackTransferred,
  type Variable,
} from '@hamilton-ts/core';
import { DriverFactsByConfig } from '../remote/driver-facts.js';
import { NodeSelection } from '../remote/node-selection.js';
import { checkOptions, type WorkerThreadsGraphAdapterOptions } from './options.js';
import type { ThreadTask } from './protocol.js';
import { ReceivedBuffers } from './received-buffers.js';
import { taskArguments } from './task-arguments.js';
import type { ThreadPool } from './thread-pool.js';

/** What the adapter knows of one driver's graph, found by the driver's config object. */
const PLACE = { one: 'a worker thread', many: 'worker threads' };

interface DriverFacts {
  readonly configKey: string;
  /** The config, packed once (it is copied to the worker with every task). */
  readonly config: unknown;
  /** Classes the graph's nodes come from (modules given as instances left out); `null` when unknown. */
  readonly classes: readonly string[] | null;
}

let nextConfigId = 1;

/**
 * An engine that runs CPU-bound nodes in worker threads. Each worker imports the pipeline modules by
 * URL, builds the driver's graph under the driver's config and runs the nodes it is sent by name; only
 * names and values travel (structured clone; typed arrays coming back are moved, not copied; arquero
 * tables as Arrow IPC). The driver starts up to `maxThreads` independent nodes together.
 *
 * @example
 * const threads = new WorkerThreadsGraphAdapter({ modules: [new URL('./features.ts', import.meta.url)], nodes: { compute: 'cpu' } });
 * const dr = new Driver({}, Features, { adapter: threads });
 * const result = await dr.execute(['score'], { inputs });
 * await threads.close();
 */
export class WorkerThreadsGraphAdapter implements GraphAdapter {
  private readonly modules: readonly string[];
  private readonly selection: NodeSelection;
  private readonly pool: ThreadPool;
  private readonly ownsPool: boolean;
  private readonly received = new ReceivedBuffers();
  private readonly drivers = new DriverFactsByConfig<DriverFacts>((config, classes) => this.describe(config, classes));

  constructor(options: WorkerThreadsGraphAdapterOptions) {
    const checked = checkOptions(options);
    this.modules = checked.modules;
    this.selection = new NodeSelection(checked.nodes);
    this.pool = checked.pool;
    this.ownsPool = checked.ownsPool;
  }

  /** How many nodes run at once: the pool's threads. A plain `Driver` starts that many independent nodes together. */
  get concurrency(): number {
    return this.pool.maxThreads;
  }

  /**
   * Refuses, when the driver is built, thread nodes that cannot run in a worker (from a module given as
   * an instance), names in `nodes` the graph does not compute, and a config that cannot be copied.
   */
  validateGraph({ graph, config }: { graph: GraphView; config: Readonly<Record<string, unknown>> }): true | string {
    return this.drivers.validate(graph, config, this.selection, PLACE);
  }

  /** Runs selected nodes in a worker thread, the others here. */
  runNode(request: NodeRunRequest, runLocally: () => unknown): unknown {
    if (!this.selection.selects(request.node)) {
      // A node running here may keep views of what it is given: those buffers must not move later.
      this.received.forget(request.kwargs);
      return runLocally();
    }
    return this.runInThread(request);
  }

  /** Stops the adapter's worker threads (not those of a shared `pool`); the next thread node starts them again. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.close();
  }

  private async runInThread(request: NodeRunRequest): Promise<unknown> {
    const { node } = request;
    let task: ThreadTask;
    let transfer: ArrayBuffer[];
    try {
      const facts = this.drivers.of(request.config);
      const args = taskArguments(request, this.received.movable);
      transfer = args.transfer;
      task = {
        modules: this.modules,
        classes: facts.classes,
        configKey: facts.configKey,
        config: facts.config,
        node: node.name,
        origin: node.origin,
        dependencies: request.dependencies,
        kwargs: args.kwargs,
      };
    } catch (error) {
      throw new NodeExecutionError(node.name, classNameOf(node), error);
    }
    const response = await this.pool.runTask(task, transfer);
    if (response.ok) {
      const value = unpackTransferred(response.value);
      this.received.remember(value);
      return value;
    }
    const error = reviveError(response.error);
    // A node's own error goes to the walker as it would in-process (a HamiltonError such as
    // DataValidationError as itself, anything else wrapped); a task that could not run names the node.
    if (response.thrownByNode) throw error;
    throw new NodeExecutionError(node.name, classNameOf(node), error);
  }

  private describe(config: Readonly<Record<string, unknown>>, classes: readonly string[] | null): DriverFacts {
    const { payload } = packForTransfer(config, { name: 'config' });
    return { configKey: String(nextConfigId++), config: payload, classes };
  }
}

/** The class of a node, from its `Class.method` origin. */
function classNameOf(node: Variable): string | undefined {
  return node.origin?.slice(0, node.origin.indexOf('.'));
}
