import { mutateMessages, pipeMessages as text } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { type PipeNamespace, readNamespace, resolveSteps, splitOptions, stepNodes } from './pipe-steps.js';

const OPTIONS = ['onInput', 'namespace'];

/**
 * Runs one argument of the method (the first, or `onInput`) through a chain of steps before the
 * body: each step is a node taking the previous value, and the method's dependency becomes the last
 * step. Runs before `inject`/`parameterize`, so their outputs share one chain.
 */
export class PipeModifier implements Modifier {
  readonly phase = 'expand';
  /** After `does` (0), before `inject` (1) and `parameterize` (2): Hamilton's injection point. */
  readonly order = 0.5;
  readonly kind = 'pipe';

  constructor(private readonly stepsAndOptions: readonly unknown[]) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const { steps, options } = splitOptions(this.stepsAndOptions);
    const { namespace, ok } = readNamespace(options, OPTIONS, this.kind, ctx);
    if (steps.length === 0) ctx.report(text.noSteps(ctx.where));
    if (!ok || steps.length === 0) return nodes;
    const onInput = options?.onInput;
    const targets = new Set(sinksOf(nodes));
    const result: NodeDef[] = [];
    for (const node of nodes)
      if (targets.has(node)) result.push(...this.pipeInto(node, steps, onInput, namespace, ctx));
      else result.push(node);
    return result;
  }

  private pipeInto(
    node: NodeDef,
    steps: readonly unknown[],
    onInput: unknown,
    namespace: PipeNamespace | undefined,
    ctx: ModifierContext,
  ): NodeDef[] {
    const at = onInput === undefined ? 0 : node.deps.findIndex((d) => d.param === onInput);
    if (node.deps.length === 0 && onInput === undefined) ctx.report(text.noParameter(ctx.where, node.name), node.name);
    else if (at < 0)
      ctx.report(
        mutateMessages.badOnInput(
          ctx.where,
          onInput,
          node.deps.map((d) => d.param),
        ),
        node.name,
      );
    const resolved = at >= 0 && node.deps.length > 0 ? resolveSteps(steps, node.name, namespace, this.kind, ctx) : undefined;
    if (!resolved || resolved.length === 0) return [node];
    const input = node.deps[at];
    const chain = stepNodes(
      { ...input, type: undefined },
      resolved,
      (step, i) => `step ${i + 1} of ${resolved.length} piped into ${node.name}.${input.param}: ${step.fn.name || step.name}`,
      node.origin,
    );
    const deps = node.deps.map((d, i) => (i === at ? { ...d, name: chain.last.name, optional: false } : d));
    return [...chain.nodes, { ...node, deps }];
  }
}
