import type { CacheNodeRecord } from '../cache/run-record.js';
import type { Variable } from '../graph/variable.js';

/** A hook may return a value or a promise of one; async hooks are awaited. */
type MaybePromise<T> = T | Promise<T>;

/** The built graph as adapters see it. */
export interface GraphView {
  readonly variables: readonly Variable[];
  readonly config: Readonly<Record<string, unknown>>;
  get(name: string): Variable | undefined;
  /** Where a computed node was defined; `undefined` for inputs and config. */
  originOf(name: string): NodeOriginView | undefined;
}

/** Where a node comes from, for engines that must find the same node in another thread or process. */
export interface NodeOriginView {
  readonly className: string;
  readonly method: string;
  /** True when the module was given as an instance: its state (injected services) cannot travel. */
  readonly fromInstance: boolean;
}

/** What an engine's `runNode` receives for each node of a run. */
export interface NodeRunRequest {
  readonly runId: string;
  readonly node: Variable;
  /** Dependency values by dependency name; absent optional dependencies are left out. */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** The node's dependency names in parameter order, so a worker can check that its graph agrees. */
  readonly dependencies: readonly string[];
  /** The config the graph was built with: a worker rebuilds the same graph from it. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * True when the value of dependency `name` is read by no one after this node: it was computed in
   * this run, is not an output, and no lifecycle hook sees node values. An engine may move it
   * (transfer its buffers) instead of copying it.
   */
  isReleasable(name: string): boolean;
}

/** What `doNodeExecute` receives and hands to `next`. */
export interface NodeExecuteContext {
  readonly runId: string;
  readonly node: Variable;
  /**
   * Dependency values by dependency name; absent optional dependencies are left out. A record with
   * no prototype (use `Object.hasOwn`, not `kwargs.hasOwnProperty`); `preNodeExecute` and
   * `postNodeExecute` of one call get the very same object.
   */
  readonly kwargs: Readonly<Record<string, unknown>>;
}

/**
 * A graph adapter: any object implementing any subset of these hooks. Hooks of several adapters
 * stack; `doNodeExecute` chains as middleware, the first adapter outermost.
 *
 * @example
 * const timer: GraphAdapter = {
 *   preNodeExecute: ({ node }) => console.time(node.name),
 *   postNodeExecute: ({ node }) => console.timeEnd(node.name),
 * };
 * new Driver({}, Features, { adapter: timer });
 */
export interface GraphAdapter {
  postGraphConstruct?(event: { graph: GraphView; config: Readonly<Record<string, unknown>> }): MaybePromise<void>;
  preGraphExecute?(event: {
    runId: string;
    /** How many nodes the run computes (nodes inside a parallelizable block count once per item, as items appear). */
    nodeCount: number;
    /** The graph the run walks (one adapter may serve several drivers, each with its own graph). */
    graph: GraphView;
    /** Names of the computed nodes the run plans, dependencies first (a node of a parallelizable block once). */
    plannedNodes: readonly string[];
    outputs: readonly string[];
    inputs: Readonly<Record<string, unknown>>;
    overrides: Readonly<Record<string, unknown>>;
  }): MaybePromise<void>;
  /** Always called once a run started, also after a failure. */
  postGraphExecute?(event: {
    runId: string;
    success: boolean;
    error: unknown;
    results: Readonly<Record<string, unknown>> | undefined;
  }): MaybePromise<void>;
  preNodeExecute?(event: { runId: string; node: Variable; kwargs: Readonly<Record<string, unknown>> }): MaybePromise<void>;
  postNodeExecute?(event: {
    runId: string;
    node: Variable;
    kwargs: Readonly<Record<string, unknown>>;
    success: boolean;
    error: unknown;
    result: unknown;
    /** With a cache: what it did with this node (`status` 'hit', 'miss', ...). */
    cache?: CacheNodeRecord;
  }): MaybePromise<void>;
  /** Runs the node (or decides where it runs); `next(ctx)` runs the rest of the chain. */
  doNodeExecute?(ctx: NodeExecuteContext, next: (ctx: NodeExecuteContext) => unknown): unknown;
  /**
   * Engines: runs the node where the engine decides (a worker thread, a queue) and returns its value
   * or a promise of it, or calls `runLocally()` to run it in this process. It is the innermost step of
   * every node's execution, inside all `doNodeExecute` middleware; at most one adapter of a driver may have it.
   */
  runNode?(request: NodeRunRequest, runLocally: () => unknown): unknown;
  /** Engines: how many nodes it can run at once; the driver starts that many together (default 1). */
  readonly concurrency?: number;
  /** Builds `execute`'s result; at most one adapter of a driver may have it. */
  buildResult?(outputs: Record<string, unknown>): unknown;
  /** `true`, or a text saying what is wrong with the node (→ `GraphBuildError`). */
  validateNode?(event: { node: Variable }): true | string;
  /** `true`, or a text saying what is wrong with the graph (→ `GraphBuildError`). */
  validateGraph?(event: { graph: GraphView; config: Readonly<Record<string, unknown>> }): true | string;
  /** `true` accepts, `false` rejects, `undefined` leaves the built-in type check to decide. */
  validateInput?(event: { name: string; value: unknown; type: Function }): boolean | undefined;
  /** `true` accepts, `false` rejects, `undefined` leaves the built-in edge check to decide. */
  checkEdgeTypesMatch?(event: { from: Function; to: Function; producer: string; consumer: string }): boolean | undefined;
}

/** Names of the hooks a `GraphAdapter` may implement. */
export type HookName = Exclude<keyof GraphAdapter, 'concurrency'>;
