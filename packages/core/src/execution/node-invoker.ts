import type { Graph, NodeDef } from '../graph/types.js';
import { toVariable } from '../graph/variable.js';
import { type HookSet, isThenable } from '../lifecycle/hook-set.js';
import type { GraphAdapter, NodeExecuteContext, NodeRunRequest } from '../lifecycle/hooks.js';
import type { PlanStep } from './execution-plan.js';
import type { InvokeNode, RunState } from './executor.js';

/** Dependency values by name, leaving out absent optional dependencies so their defaults apply. */
export function kwargsOf(node: NodeDef, args: readonly unknown[]): Record<string, unknown> {
  const kwargs: Record<string, unknown> = {};
  node.deps.forEach((dep, i) => {
    if (args[i] !== undefined) kwargs[dep.name] = args[i];
  });
  return kwargs;
}

/** Positional arguments of a node from dependency values by name. */
export function argsOf(node: NodeDef, kwargs: Readonly<Record<string, unknown>>): unknown[] {
  return node.deps.map((dep) => kwargs[dep.name]);
}

/**
 * Makes the function the executor calls for each node. Without hooks it is the node's own call.
 * With hooks it runs `preNodeExecute`, the `doNodeExecute` chain (first adapter outermost), the
 * engine's `runNode` innermost (or the node itself), and `postNodeExecute`, also when the node fails.
 */
export function makeNodeInvoker(hooks: HookSet, graph: Graph, runId: string): InvokeNode {
  const engine = hooks.get('runNode')[0];
  const observed = hooks.has('preNodeExecute') || hooks.has('postNodeExecute') || hooks.has('doNodeExecute');
  if (!observed && !engine) return (step, args) => step.node.call!(args);
  const local = (ctx: NodeExecuteContext): unknown => {
    const node = graph.nodes.get(ctx.node.name)!;
    return node.call!(argsOf(node, ctx.kwargs));
  };
  // The walker's state of the current call, for `isReleasable`; set just before the chain runs.
  let current: { step: PlanStep; run: RunState } | undefined;
  const innermost = engine ? engineStep(engine.call, graph, local, observed, () => current!) : local;
  const chain = hooks
    .get('doNodeExecute')
    .reduceRight<(ctx: NodeExecuteContext) => unknown>((next, hook) => (ctx) => hook.call(ctx, next), innermost);
  if (!observed) {
    return (step, args, run) => {
      current = { step, run };
      return chain({ runId, node: toVariable(step.node), kwargs: kwargsOf(step.node, args) });
    };
  }
  return async (step: PlanStep, args: unknown[], run: RunState) => {
    const node = toVariable(step.node);
    const kwargs = kwargsOf(step.node, args);
    await hooks.callAll('preNodeExecute', { runId, node, kwargs });
    let result: unknown;
    try {
      current = { step, run };
      result = chain({ runId, node, kwargs });
      if (isThenable(result)) result = await result;
    } catch (error) {
      await hooks.callAll('postNodeExecute', { runId, node, kwargs, success: false, error, result: undefined });
      throw error;
    }
    await hooks.callAll('postNodeExecute', { runId, node, kwargs, success: true, error: undefined, result });
    return result;
  };
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
