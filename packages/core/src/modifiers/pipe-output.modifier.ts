import { mutateMessages as text } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { PipeStep } from './pipe-step.js';
import { outputList, type ResolvedStep, readNamespace, resolveSteps, splitOptions, stepNodes } from './pipe-steps.js';
import { chainEnd, chainStart } from './step-chain.js';

const OPTIONS = ['onOutput', 'namespace'];

/**
 * Hamilton's `pipe_output`: the method's value runs through a chain of steps after the body. The
 * method's node becomes `${node}.raw`, each step a node, and `${node}` the chain's end, so consumers
 * read the transformed value under the original name. With several outputs (extractColumns, ...),
 * every output is piped unless `onOutput` (on the decorator or on steps) chooses some.
 */
export class PipeOutputModifier implements Modifier {
  readonly phase = 'transform';
  /** After extractColumns/extractFields (-1), so columns can be piped; before checkOutput (10), which checks the piped value. */
  readonly order = 5;
  readonly kind = 'pipeOutput';

  constructor(private readonly stepsAndOptions: readonly unknown[]) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const { steps, options } = splitOptions(this.stepsAndOptions);
    const { namespace, ok } = readNamespace(options, OPTIONS, this.kind, ctx);
    if (steps.length === 0) ctx.report(text.noOutputSteps(ctx.where));
    let problems = !ok || steps.length === 0;
    const bad = (message: string): void => {
      problems = true;
      ctx.report(message);
    };
    const sinks = sinksOf(nodes);
    const chosen = outputList(options?.onOutput, this.kind, ctx.where, bad);
    const stepTargets = steps.filter((s) => s instanceof PipeStep && s.targetOutputs !== undefined);
    if (chosen && stepTargets.length) bad(text.twoTargetLevels(ctx.where));
    if (problems) return nodes;
    const replaced = new Map<NodeDef, NodeDef[]>();
    for (let i = 0; i < sinks.length; i++) {
      const sink = sinks[i];
      // Step problems are the same for every output: report them once.
      const quiet = i === 0 ? ctx : { ...ctx, report: () => {} };
      const resolved = resolveSteps(steps, sink.name, namespace, this.kind, quiet);
      if (!resolved) {
        problems = true;
        continue;
      }
      if (i === 0) this.checkOutputs(chosen, resolved, sinks, ctx);
      const applied = resolved.filter((s) => (chosen ?? s.onOutput)?.includes(sink.name) ?? true);
      if (applied.length === 0) continue;
      const start = chainStart(sink);
      const chain = stepNodes(
        start.head,
        applied,
        (s, j) => `step ${j + 1} of ${applied.length} piped out of ${sink.name}: ${s.fn.name || s.name}`,
        sink.origin,
      );
      replaced.set(sink, [...start.nodes, ...chain.nodes, chainEnd(sink, chain.last, undefined)]);
    }
    if (problems) return nodes;
    const result: NodeDef[] = [];
    for (const node of nodes) result.push(...(replaced.get(node) ?? [node]));
    return result;
  }

  /** Reports outputs chosen by the decorator or by steps that the method does not have. */
  private checkOutputs(
    chosen: readonly string[] | undefined,
    resolved: readonly ResolvedStep[],
    sinks: readonly NodeDef[],
    ctx: ModifierContext,
  ): void {
    const stepOutputs = resolved.flatMap((s) => s.onOutput ?? []);
    if (!chosen && stepOutputs.length === 0) return; // every output is piped: nothing to check
    const names = sinks.map((s) => s.name);
    const unknown = [...new Set([...(chosen ?? []), ...stepOutputs])].filter((o) => !names.includes(o));
    if (unknown.length) ctx.report(text.noOutputs(ctx.where, unknown, names));
  }
}
