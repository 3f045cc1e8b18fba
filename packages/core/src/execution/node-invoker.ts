import type { CacheRun } from '../cache/cache-run.js';
import type { Graph, NodeDef } from '../graph/types.js';
import { toVariable } from '../graph/variable.js';
import { type HookSet, isThenable } from '../lifecycle/hook-set.js';
import type { GraphAdapter, NodeExecuteContext, NodeRunRequest } from '../lifecycle/hooks.js';
import type { ExecutionPlan, PlanStep } from './execution-plan.js';
import type { InvokeNode, RunState } from './executor.js';

/** Dependency values by name, leaving out absent optional dependencies so their defaults apply. */
export function kwargsOf(node: NodeDef, args: readonly unknown[]): Record<string, unknown> {
  // Without a prototype V8 keeps these as hash maps: records keyed by thousands of different node
  // names would otherwise each grow a new hidden class.
  const kwargs: Record<string, unknown> = Object.create(null);
  const deps = node.deps;
  for (let i = 0; i < deps.length; i++) if (args[i] !== undefined) kwargs[deps[i].name] = args[i];
  return kwargs;
}

/** Positional arguments of a node from dependency values by name. */
export function argsOf(node: NodeDef, kwargs: Readonly<Record<string, unknown>>): unknown[] {
  return node.deps.map((dep) => kwargs[dep.name]);
}

function nodeEvent(runId: string, def: NodeDef, args: unknown[]): NodeExecuteContext {
  return { runId, node: toVariable(def), kwargs: kwargsOf(def, args) };
}

/** What `postNodeExecute` gets: the node's event fields and the outcome. */
function outcomeEvent(event: NodeExecuteContext, success: boolean, error: unknown, result: unknown) {
  return { runId: event.runId, node: event.node, kwargs: event.kwargs, success, error, result };
}

/**
 * Makes the function the executor calls for each node. Without hooks it is the node's own call.
 * With hooks it runs `preNodeExecute`, the `doNodeExecute` chain (first adapter outermost), the
 * engine's `runNode` innermost (or the node itself), and `postNodeExecute`, also when the node fails.
 */
export function makeNodeInvoker(hooks: HookSet, graph: Graph, runId: string, cache?: { run: CacheRun; plan: ExecutionPlan }): InvokeNode {
  const engine = hooks.get('runNode')[0];
  const observed = isObserved(hooks);
  if (!observed && !engine) {
    if (cache) return cache.run.stepInvoker(cache.plan);
    return (step, args) => step.node.call!(args);
  }
  const local = (ctx: NodeExecuteContext): unknown => {
    const node = graph.nodes.get(ctx.node.name)!;
    return node.call!(argsOf(node, ctx.kwargs));
  };
  // The walker's state of the current call, for `isReleasable`; set just before the chain runs.
  let current: { step: PlanStep; run: RunState } | undefined;
  const running = engine ? engineStep(engine.call, graph, local, observed, () => current!) : local;
  const innermost = cache ? cachedStep(cache.run, graph, running) : running;
  const chain = hooks
    .get('doNodeExecute')
    .reduceRight<(ctx: NodeExecuteContext) => unknown>((next, hook) => (ctx) => hook.call(ctx, next), innermost);
  if (!observed) {
    return (step, args, run) => {
      current = { step, run };
      return chain(nodeEvent(runId, step.node, args));
    };
  }
  return (step: PlanStep, args: unknown[], run: RunState) => {
    const event = nodeEvent(runId, step.node, args);
    return after(hooks.callEach('preNodeExecute', event), () => {
      current = { step, run };
      return observe(hooks, event, chain, cache?.run);
    });
  };
}

/** Whether an adapter sees nodes' arguments or values (then the cache reads every hit at once). */
export function isObserved(hooks: HookSet): boolean {
  return hooks.has('preNodeExecute') || hooks.has('postNodeExecute') || hooks.has('doNodeExecute');
}

/** The cache as the step before the engine: a hit skips the engine, a miss runs it with real values. */
function cachedStep(cache: CacheRun, graph: Graph, running: (ctx: NodeExecuteContext) => unknown): (ctx: NodeExecuteContext) => unknown {
  return (ctx) => {
    const node = graph.nodes.get(ctx.node.name)!;
    const args = argsOf(node, ctx.kwargs);
    return cache.invoke(node, args, (real) => running(real === args ? ctx : { ...ctx, kwargs: kwargsOf(node, real) }));
  };
}

/** Runs `next` now, or once `pending` settles when there is something to wait for. */
function after(pending: Promise<void> | undefined, next: () => unknown): unknown {
  return pending ? pending.then(next) : next();
}

/**
 * Runs the node through the chain and tells `postNodeExecute` how it went, also when it failed.
 * Stays synchronous while the node and the hooks are, so observing a run costs no promise per node.
 */
function observe(
  hooks: HookSet,
  event: NodeExecuteContext,
  chain: (ctx: NodeExecuteContext) => unknown,
  cache: CacheRun | undefined,
): unknown {
  let result: unknown;
  try {
    result = chain(event);
  } catch (error) {
    return failed(hooks, event, error);
  }
  if (isThenable(result))
    return Promise.resolve(result).then(
      (value) => succeeded(hooks, event, value, cache),
      (error) => failed(hooks, event, error),
    );
  return succeeded(hooks, event, result, cache);
}

function succeeded(hooks: HookSet, event: NodeExecuteContext, result: unknown, cache: CacheRun | undefined): unknown {
  const outcome = outcomeEvent(event, true, undefined, result);
  const record = cache?.recorder.latest(event.node.name);
  const pending = hooks.callEach('postNodeExecute', record ? { ...outcome, cache: record } : outcome);
  return pending ? pending.then(() => result) : result;
}

function failed(hooks: HookSet, event: NodeExecuteContext, error: unknown): Promise<never> {
  const pending = hooks.callEach('postNodeExecute', outcomeEvent(event, false, error, undefined));
  if (!pending) throw error;
  return pending.then(() => {
    throw error;
  });
}

type RunNode = NonNullable<GraphAdapter['runNode']>;

/** The engine as the innermost step of the chain: it decides where the node runs. */
function engineStep(
  runNode: RunNode,
  graph: Graph,
  local: (ctx: NodeExecuteContext) => unknown,
  observed: boolean,
  call: () => { step: PlanStep; run: RunState },
): (ctx: NodeExecuteContext) => unknown {
  return (ctx) => {
    const { step, run } = call();
    const node = graph.nodes.get(ctx.node.name)!;
    const request: NodeRunRequest = {
      runId: ctx.runId,
      node: ctx.node,
      kwargs: ctx.kwargs,
      dependencies: node.deps.map((d) => d.name),
      config: graph.config,
      // Hooks may keep the values they see, so nothing is released while any observes them.
      isReleasable: (name) => {
        if (observed) return false;
        const index = node.deps.findIndex((d) => d.name === name);
        return index >= 0 && step.node === node && run.isLastRead(step.args[index]);
      },
    };
    return runNode(request, () => local(ctx));
  };
}
