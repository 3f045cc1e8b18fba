import type { Variable } from '../graph/variable.js';

/** A hook may return a value or a promise of one; async hooks are awaited. */
type MaybePromise<T> = T | Promise<T>;

/** The built graph as adapters see it. */
export interface GraphView {
  readonly variables: readonly Variable[];
  readonly config: Readonly<Record<string, unknown>>;
  get(name: string): Variable | undefined;
}

/** What `doNodeExecute` receives and hands to `next`. */
export interface NodeExecuteContext {
  readonly runId: string;
  readonly node: Variable;
  /** Dependency values by dependency name; absent optional dependencies are left out. */
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
  }): MaybePromise<void>;
  /** Runs the node (or decides where it runs); `next(ctx)` runs the rest of the chain. */
  doNodeExecute?(ctx: NodeExecuteContext, next: (ctx: NodeExecuteContext) => unknown): unknown;
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
export type HookName = keyof GraphAdapter;
