import { ArqueroTableResult, HamiltonError, type ResultBuilder } from '@hamilton-ts/result-builders';
import type { ColumnTable } from 'arquero';
import type { HamiltonModule } from '../builder/collect-methods.js';
import { buildGraph } from '../builder/graph-builder.js';
import { Behaviors, type CacheOptions } from '../cache/cache-options.js';
import type { CacheRun } from '../cache/cache-run.js';
import { HamiltonCache } from '../cache/hamilton-cache.js';
import { GraphBuildError } from '../errors/graph-build-error.js';
import { messages } from '../errors/messages.js';
import { plannedNodesOf } from '../execution/execution-plan.js';
import { type InvokeNode, runPlan } from '../execution/executor.js';
import { isObserved, makeNodeInvoker } from '../execution/node-invoker.js';
import { type ExecuteOptions, type PreparedRun, RunPreparer } from '../execution/prepare-run.js';
import { graphView } from '../graph/graph-view.js';
import type { Graph } from '../graph/types.js';
import type { Variable } from '../graph/variable.js';
import { adapterName, HookSet, isThenable } from '../lifecycle/hook-set.js';
import type { GraphAdapter, GraphView } from '../lifecycle/hooks.js';
import { checkMaterializeArguments } from '../materialize/check-materialize.js';
import type { MaterializeOptions, MaterializeResult, Materializer } from '../materialize/io-spec.js';
import { MaterializeRun } from '../materialize/materialize-run.js';
import { type TextFormat, type VisualizeOptions, Visualizer } from '../visualize/visualizer.js';
import { checkDriverArguments, checkListOptions, checkNodeNames, checkRunArguments } from './check-arguments.js';
import { GraphQueries } from './graph-queries.js';
import type { TagFilter } from './tag-filter.js';
import type { OutputsOf, ResultOf } from './typed-outputs.js';

/** An adapter of a driver whose results are typed `R`: any graph adapter, or a result builder of `R`. */
export type DriverAdapter<R = unknown> = GraphAdapter | ResultBuilder<R>;

/** Options of `new Driver(config, modules, options)`. */
export interface DriverOptions<R = unknown> {
  /** One adapter or several: lifecycle adapters, engines, and at most one result builder (its result types `execute`). */
  readonly adapter?: DriverAdapter<R> | readonly DriverAdapter<R>[];
  /** When two modules define the same node, the later one wins instead of failing the build. */
  readonly allowModuleOverrides?: boolean;
  /** How many nodes may be awaited at once; 1 (the default) runs nodes one after another. */
  readonly maxConcurrency?: number;
  /** Caches node results on disk (`true`: in `.hamilton-cache`); see `dr.cache`. */
  readonly cache?: CacheOptions | true;
}

/**
 * Builds the DAG of the given modules under `config` and computes requested outputs from it.
 * Nodes run in dependency order; outputs go to the result builder (an arquero table by default).
 *
 * Types: `R` is what the result builder returns (arquero's `ColumnTable` by default), and `M` the
 * modules, from which each requested output is typed as its method's awaited return type. Both are
 * inferred from the constructor's arguments; `Driver<R>` alone accepts a driver of any modules.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new SimpleTableGraphAdapter() });
 * const table = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
// `any` as the modules' default: a parameter typed `Driver<ColumnTable>` accepts drivers of any modules
// (the modules' types sit in conditional types, which TypeScript compares invariantly).
// biome-ignore lint/suspicious/noExplicitAny: see above
export class Driver<R = ColumnTable, M extends HamiltonModule = any> {
  /** The built graph (nodes by name, config). */
  readonly graph: Graph;
  private readonly hooks: HookSet;
  private readonly preparer: RunPreparer;
  private queriesCache: GraphQueries | undefined;
  private readonly resultBuilder: ResultBuilder<unknown>;
  private readonly maxConcurrency: number;
  private view: GraphView | undefined;
  private constructed: Promise<void> | undefined;
  private readonly caching: HamiltonCache | undefined;
  /** What the driver was built from: `materialize` builds the same graph with loaders and savers added. */
  private readonly built: { readonly modules: M; readonly options: DriverOptions<R> };

  constructor(config: Readonly<Record<string, unknown>>, modules: M, options: DriverOptions<R> = {}) {
    checkDriverArguments(config, modules, options);
    this.built = { modules, options };
    const adapters =
      options.adapter === undefined ? [] : Array.isArray(options.adapter) ? options.adapter : [options.adapter as GraphAdapter];
    this.hooks = new HookSet(adapters);
    this.resultBuilder = pickResultBuilder(this.hooks);
    this.maxConcurrency = checkMaxConcurrency(options.maxConcurrency ?? engineConcurrency(this.hooks));
    this.graph = buildGraph(
      modules,
      { ...config },
      {
        allowModuleOverrides: options.allowModuleOverrides,
        hooks: this.hooks,
        materializers: (options as MaterializingOptions<R>)[MATERIALIZERS],
      },
    );
    this.preparer = new RunPreparer(this.graph, this.hooks);
    if (options.cache !== undefined) this.caching = makeCache(this.graph, options.cache === true ? {} : options.cache);
    if (this.hooks.has('postGraphConstruct')) {
      this.constructed = this.hooks.callAll('postGraphConstruct', { graph: this.graphView, config: this.graph.config });
      // A failing async hook surfaces on the first execute; until then it must not count as unhandled.
      this.constructed.catch(() => undefined);
    }
  }

  /**
   * Computes `outputs` (node names; `[]` runs nothing and builds from no outputs) and hands them to
   * the result builder. With `DictResult` the record is typed per output; a type argument types
   * outputs the modules' types cannot see: `execute<{ spendPerSignup: Float64Array }>(['spendPerSignup'])`.
   */
  execute<const O extends readonly string[]>(outputs: O, options?: ExecuteOptions): Promise<ResultOf<R, OutputsOf<M, O[number]>>>;
  execute<T extends Record<string, unknown>>(outputs: readonly (keyof T & string)[], options?: ExecuteOptions): Promise<ResultOf<R, T>>;
  async execute(outputs: readonly string[], options?: ExecuteOptions): Promise<unknown> {
    const results = await this.rawExecute(outputs, options);
    const built = this.resultBuilder.buildResult(results);
    return isThenable(built) ? await built : built;
  }

  /**
   * Computes `outputs` and returns them by name, without a result builder (`[]` gives `{}`). Each
   * output is typed from the modules, `unknown` where their types cannot see it; a type argument
   * gives the record's type instead: `rawExecute<{ spendPerSignup: Float64Array }>(['spendPerSignup'])`.
   */
  rawExecute<const O extends readonly string[]>(outputs: O, options?: ExecuteOptions): Promise<OutputsOf<M, O[number]>>;
  rawExecute<T extends Record<string, unknown>>(outputs: readonly (keyof T & string)[], options?: ExecuteOptions): Promise<T>;
  async rawExecute(outputs: readonly string[], options?: ExecuteOptions): Promise<Record<string, unknown>> {
    checkRunArguments(outputs, options);
    if (this.constructed) await this.constructed;
    const { plan, values } = this.preparer.prepare(outputs, options);
    const runId = this.hooks.adapters.length || this.caching ? `run-${++runsStarted}-${Date.now().toString(36)}` : '';
    if (this.caching) return this.cachedExecute(outputs, options, plan, values, runId);
    const invoke = makeNodeInvoker(this.hooks, this.graph, runId);
    return this.walk(outputs, options, plan, values, runId, invoke, () => collectOutputs(plan.outputs, plan.outputSlots, values));
  }

  /**
   * Runs loaders and savers (`from.*` and `to.*` of `@hamilton-ts/io`) with the graph: loaders feed
   * inputs from files, savers write nodes' values. The graph is built again with their nodes added, so
   * they show in pictures, hooks and the cache; every saver runs, plus `additionalVars`. `metadata` holds
   * each saver's by id and each loader's that ran by target.
   *
   * @example
   * const { results, metadata } = await dr.materialize(
   *   [from.csv({ target: 'rows', path: 'in.csv' }), to.parquet({ id: 'saveScores', dependencies: ['score'], path: 'out.parquet' })],
   *   { additionalVars: ['score'] },
   * );
   * metadata.saveScores.bytes;
   */
  async materialize(materializers: readonly Materializer[], options: MaterializeOptions = {}): Promise<MaterializeResult> {
    checkMaterializeArguments(materializers, options);
    const { additionalVars = [], inputs, overrides } = options;
    const Built = this.constructor as new (
      config: Readonly<Record<string, unknown>>,
      modules: M,
      options: DriverOptions<R>,
    ) => Driver<R, M>;
    const run = new MaterializeRun(materializers, additionalVars);
    const withIo: MaterializingOptions<R> = { ...this.built.options, [MATERIALIZERS]: run.materializers };
    const derived = new Built(this.graph.config, this.built.modules, withIo);
    try {
      return run.result(await derived.rawExecute<Record<string, unknown>>(run.outputs, { inputs, overrides }));
    } finally {
      if (this.caching && derived.caching) this.caching.lastRun = derived.caching.lastRun;
    }
  }

  /**
   * The driver's cache: what the latest run hit and missed (`lastRun`), and `clear()`. Throws when the
   * driver was built without one (`withCache(...)` or the `cache` option).
   */
  get cache(): HamiltonCache {
    if (!this.caching) throw new HamiltonError(messages.noCache());
    return this.caching;
  }

  /** A run through the cache: outputs that are stored values are read at the end; stores are written behind the run (`dr.cache.flush()` waits for them). */
  private async cachedExecute(
    outputs: readonly string[],
    options: ExecuteOptions | undefined,
    plan: PreparedRun['plan'],
    values: unknown[],
    runId: string,
  ): Promise<Record<string, unknown>> {
    const cache = this.caching!;
    const run = await cache.begin(runId, !isObserved(this.hooks));
    const invoke = run.replay(plan, values) ? undefined : makeNodeInvoker(this.hooks, this.graph, runId, { run, plan });
    let succeeded = false;
    try {
      const results = await this.walk(outputs, options, plan, values, runId, invoke, () =>
        readOutputs(plan.outputs, plan.outputSlots, values, run),
      );
      succeeded = true;
      return results;
    } finally {
      await run.finish(succeeded);
      cache.finished(run);
    }
  }

  private async walk(
    outputs: readonly string[],
    options: ExecuteOptions | undefined,
    plan: PreparedRun['plan'],
    values: unknown[],
    runId: string,
    /** Runs each node; absent when the cache answered the whole run. */
    invoke: InvokeNode | undefined,
    collect: () => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    if (!this.hooks.has('preGraphExecute') && !this.hooks.has('postGraphExecute')) {
      if (invoke) await runPlan(plan, values, invoke, this.maxConcurrency);
      return collect();
    }
    await this.hooks.callAll('preGraphExecute', {
      runId,
      nodeCount: plan.nodeCount,
      graph: this.graphView,
      plannedNodes: plannedNodesOf(plan),
      outputs,
      inputs: options?.inputs ?? {},
      overrides: options?.overrides ?? {},
    });
    let results: Record<string, unknown>;
    try {
      if (invoke) await runPlan(plan, values, invoke, this.maxConcurrency);
      results = await collect();
    } catch (error) {
      await this.hooks.callAll('postGraphExecute', { runId, success: false, error, results: undefined });
      throw error;
    }
    await this.hooks.callAll('postGraphExecute', { runId, success: true, error: undefined, results });
    return results;
  }

  /** The graph as adapters see it, made once. */
  private get graphView(): GraphView {
    this.view ??= graphView(this.graph);
    return this.view;
  }

  private get visualizer(): Visualizer {
    return new Visualizer(this.graph, this.preparer);
  }

  /** Made on first use: a driver that only executes never pays for the query indexes. */
  private get queries(): GraphQueries {
    this.queriesCache ??= new GraphQueries(this.graph);
    return this.queriesCache;
  }

  /** Throws what `execute` would throw for unknown outputs and missing or mistyped inputs, without running nodes. */
  validateExecution(outputs: readonly string[], options?: ExecuteOptions): void {
    checkRunArguments(outputs, options);
    this.preparer.prepare(outputs, options);
  }

  /** Every node (external inputs included), optionally filtered by tags. */
  listAvailableVariables(options: { tagFilter?: TagFilter } = {}): Variable[] {
    checkListOptions(options);
    return this.queries.list(options.tagFilter);
  }

  /** The named nodes and everything they depend on. */
  whatIsUpstreamOf(...names: string[]): Variable[] {
    checkNodeNames('whatIsUpstreamOf', names);
    return this.queries.upstreamOf(names);
  }

  /** The named nodes and everything that depends on them. */
  whatIsDownstreamOf(...names: string[]): Variable[] {
    checkNodeNames('whatIsDownstreamOf', names);
    return this.queries.downstreamOf(names);
  }

  /** The nodes on any path from `upstream` to `downstream` (both included); empty when there is none. */
  whatIsThePathBetween(upstream: string, downstream: string): Variable[] {
    checkNodeNames('whatIsThePathBetween', [upstream, downstream]);
    return this.queries.pathBetween(upstream, downstream);
  }
  /**
   * The whole graph as DOT (default) or Mermaid text, or SVG (a promise; needs `@viz-js/viz`).
   *
   * @example
   * writeFileSync('dag.dot', dr.displayAllFunctions());
   * const svg = await dr.displayAllFunctions({ format: 'svg' });
   */
  displayAllFunctions(options?: VisualizeOptions<TextFormat>): string;
  displayAllFunctions(options: VisualizeOptions<'svg'>): Promise<string>;
  displayAllFunctions(options: VisualizeOptions = {}): string | Promise<string> {
    return this.visualizer.all(options);
  }

  /**
   * What `execute(outputs, options)` would run: its nodes, the values fed in (inputs, config,
   * overrides) and the outputs highlighted. Throws what `execute` would for bad calls.
   *
   * @example
   * const mermaid = dr.visualizeExecution(['spendPerSignup'], { inputs: { spend, signups }, format: 'mermaid' });
   */
  visualizeExecution(outputs: readonly string[], options?: VisualizeOptions<TextFormat> & ExecuteOptions): string;
  visualizeExecution(outputs: readonly string[], options: VisualizeOptions<'svg'> & ExecuteOptions): Promise<string>;
  visualizeExecution(outputs: readonly string[], options: VisualizeOptions & ExecuteOptions = {}): string | Promise<string> {
    checkRunArguments(outputs, options);
    return this.visualizer.execution(outputs, options);
  }
}

/** Runs started in this process: run ids stay unique when one adapter serves several drivers. */
let runsStarted = 0;

/** Where `materialize` hands its loaders and savers to the driver it builds; not a public option. */
const MATERIALIZERS = Symbol('materializers');
type MaterializingOptions<R> = DriverOptions<R> & { readonly [MATERIALIZERS]?: readonly Materializer[] };

/** Outputs by name; a plain loop, since a wide run may request 100k outputs. */
function collectOutputs(names: readonly string[], slots: Int32Array, values: readonly unknown[]): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) results[names[i]] = values[slots[i]];
  return results;
}

/** Outputs by name, stored values read (a hit's file is read only when it is an output or a miss needs it). */
async function readOutputs(
  names: readonly string[],
  slots: Int32Array,
  values: readonly unknown[],
  run: CacheRun,
): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const value = run.valueOf(values[slots[i]]);
    results[names[i]] = isThenable(value) ? await value : value;
  }
  return results;
}

/** The cache of a driver, its options checked against the graph. */
function makeCache(graph: Graph, options: CacheOptions): HamiltonCache {
  const behaviors = new Behaviors(graph, options);
  if (behaviors.problems.length) throw new GraphBuildError(behaviors.problems.map((message) => ({ message })));
  return new HamiltonCache(graph, options, behaviors);
}

/** Below 1 (or NaN) the executor could start nothing and the run would never settle. */
function checkMaxConcurrency(value: number): number {
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 1)) return value;
  throw new GraphBuildError([{ message: messages.badMaxConcurrency(value) }]);
}

/** An engine says how many nodes it can run at once; without one, nodes run one after another. */
function engineConcurrency(hooks: HookSet): number {
  const engines = hooks.adapters.filter((a) => typeof a.runNode === 'function');
  if (engines.length > 1) throw new GraphBuildError([{ message: messages.twoEngines(engines.map(adapterName)) }]);
  return engines[0]?.concurrency ?? 1;
}

function pickResultBuilder(hooks: HookSet): ResultBuilder<unknown> {
  const builders = hooks.adapters.filter((a) => typeof a.buildResult === 'function');
  if (builders.length > 1) throw new GraphBuildError([{ message: messages.twoResultBuilders(builders.map(adapterName)) }]);
  return (builders[0] as ResultBuilder<unknown> | undefined) ?? new ArqueroTableResult();
}
