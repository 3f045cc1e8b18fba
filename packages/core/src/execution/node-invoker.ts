import type { NodeDef } from '../graph/types.js';
import { toVariable } from '../graph/variable.js';
import { type HookSet, isThenable } from '../lifecycle/hook-set.js';
import type { NodeExecuteContext } from '../lifecycle/hooks.js';
import type { PlanStep } from './execution-plan.js';
import type { InvokeNode } from './executor.js';

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
 * Makes the function the executor calls for each node. Without node hooks it is the node's own
 * call. With hooks it runs `preNodeExecute`, the `doNodeExecute` chain (first adapter outermost,
 * the node itself innermost) and `postNodeExecute`, also when the node fails.
 */
export function makeNodeInvoker(hooks: HookSet, nodes: ReadonlyMap<string, NodeDef>, runId: string): InvokeNode {
  if (!hooks.has('preNodeExecute') && !hooks.has('postNodeExecute') && !hooks.has('doNodeExecute'))
    return (step, args) => step.node.call!(args);
  const innermost = (ctx: NodeExecuteContext): unknown => {
    const node = nodes.get(ctx.node.name)!;
    return node.call!(argsOf(node, ctx.kwargs));
  };
  const chain = hooks
    .get('doNodeExecute')
    .reduceRight<(ctx: NodeExecuteContext) => unknown>((next, hook) => (ctx) => hook.call(ctx, next), innermost);
  return async (step: PlanStep, args: unknown[]) => {
    const node = toVariable(step.node);
    const kwargs = kwargsOf(step.node, args);
    await hooks.callAll('preNodeExecute', { runId, node, kwargs });
    let result: unknown;
    try {
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
