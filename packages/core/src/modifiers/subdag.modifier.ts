import type { HamiltonModule } from '../builder/collect-methods.js';
import { subdagMessages as text } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { buildOnce, expandSubdag } from './subdag-expansion.js';
import { collectSubdagMethods } from './subdag-inner.js';
import { parseSubdagOptions } from './subdag-options.js';

/**
 * Builds other modules as a node set of their own (config merged over the outer config), puts
 * their nodes under a namespace and makes the method's parameters read them: the method's node is
 * the subdag's output. Only the subdag nodes the method needs are added; parameters listed in
 * `externalInputs` read the outer graph instead.
 */
export class SubdagModifier implements Modifier {
  readonly phase = 'expand';
  /** First of the expansions: it decides what the method's parameters mean. */
  readonly order = -1;
  readonly kind = 'subdag';

  constructor(
    private readonly modules: HamiltonModule,
    private readonly options: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const options = parseSubdagOptions(this.options, ctx.where, (m) => ctx.report(m));
    if (!options.ok) return nodes;
    if (Array.isArray(this.modules) && this.modules.length === 0) {
      ctx.report(text.noModules(ctx.where));
      return nodes;
    }
    const expanded = buildOnce(this, () => {
      const targets = new Set(sinksOf(nodes));
      const methods = collectSubdagMethods(this.modules, ctx, '@subdag');
      return nodes.flatMap((output) => {
        if (!targets.has(output)) return [output];
        const plan = { methods, options, namespace: options.namespace ?? output.name, kind: this.kind, label: '@subdag' };
        const subdag = expandSubdag(output, plan, ctx);
        return subdag ? [...subdag.nodes, { ...output, deps: subdag.deps }] : [output];
      });
    });
    if (!expanded) ctx.report(text.recursive(ctx.where));
    return expanded ?? nodes;
  }
}
