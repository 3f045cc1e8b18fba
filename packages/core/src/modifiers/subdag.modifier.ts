import { addExternalNodes } from '../builder/add-external-nodes.js';
import { assembleNodes } from '../builder/assemble-nodes.js';
import { collectMethods, type HamiltonModule } from '../builder/collect-methods.js';
import { describeType, messages, subdagMessages as text } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { NodeDef } from '../graph/types.js';
import { ValueBinding } from './binding.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { namespaceSubdag, upstreamIn } from './subdag-namespace.js';
import { type ParsedSubdagOptions, parseSubdagOptions } from './subdag-options.js';

/**
 * Builds other modules as a node set of their own (config merged over the outer config), puts
 * their nodes under a namespace and makes the method's parameters read them: the method's node is
 * the subdag's output. Only the subdag nodes the method needs are added.
 */
export class SubdagModifier implements Modifier {
  readonly phase = 'expand';
  /** First of the expansions: it decides what the method's parameters mean. */
  readonly order = -1;
  readonly kind = 'subdag';
  /** Subdags being built right now, to catch one that contains itself. */
  private static readonly building = new Set<SubdagModifier>();

  constructor(
    private readonly modules: HamiltonModule,
    private readonly options: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const options = parseSubdagOptions(this.options, ctx.where, (m) => ctx.report(m));
    if (!options.ok) return nodes;
    const misuse =
      Array.isArray(this.modules) && this.modules.length === 0
        ? text.noModules(ctx.where)
        : SubdagModifier.building.has(this)
          ? text.recursive(ctx.where)
          : undefined;
    if (misuse) {
      ctx.report(misuse);
      return nodes;
    }
    SubdagModifier.building.add(this);
    try {
      const targets = new Set(sinksOf(nodes));
      return nodes.flatMap((node) => (targets.has(node) ? this.expand(node, options, ctx) : [node]));
    } finally {
      SubdagModifier.building.delete(this);
    }
  }

  /** The subdag's nodes that `output` needs, then `output` reading them. */
  private expand(output: NodeDef, options: ParsedSubdagOptions, ctx: ModifierContext): NodeDef[] {
    let problems = 0;
    const report = (message: string, node?: string): void => {
      problems++;
      ctx.report(text.inner(ctx.where, message), node);
    };
    const config = { ...ctx.config, ...options.config };
    const inner = assembleNodes(collectMethods(this.modules, report), config, false, report);
    const computed = [...inner.values()].filter((n) => n.kind === 'function').map((n) => n.name);
    addExternalNodes(inner, config, report);
    if (problems) return [output];
    const bindable = [...inner.values()].filter((n) => n.kind !== 'function');
    for (const [name, binding] of options.inputs) {
      const input = inner.get(name);
      if (!input || input.kind === 'function')
        ctx.report(
          text.unknownInput(
            ctx.where,
            name,
            bindable.map((n) => n.name),
          ),
          output.name,
        );
      else if (binding instanceof ValueBinding && !valueMatchesType(binding.value, input.returnType))
        ctx.report(messages.boundValueType(ctx.where, '@subdag inputs', name, describeType(input.returnType), binding.value), output.name);
      else continue;
      problems++;
    }
    for (const dep of output.deps)
      if (!inner.has(dep.name)) {
        ctx.report(text.unknownParameter(ctx.where, dep.param, computed), output.name);
        problems++;
      }
    if (problems) return [output];
    const scope = namespaceSubdag(inner, options.namespace ?? output.name, options.inputs, options.config, output.origin);
    const deps = output.deps.map((d) => ({ ...d, name: scope.resolve(d.name) }));
    return [
      ...upstreamIn(
        scope.nodes,
        deps.map((d) => d.name),
      ),
      { ...output, deps },
    ];
  }
}
