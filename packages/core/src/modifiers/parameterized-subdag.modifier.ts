import type { HamiltonModule } from '../builder/collect-methods.js';
import { subdagMessages as text } from '../errors/messages.js';
import { derivedOrigin } from '../graph/derived-origin.js';
import type { NodeDef } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import { type Modifier, type ModifierContext, sinksOf, withoutNodes } from './modifier.js';
import { buildOnce, expandSubdag } from './subdag-expansion.js';
import { collectSubdagMethods } from './subdag-inner.js';
import { checkConfigAndInputs, type ParsedSubdagOptions, parseSubdagOptions } from './subdag-options.js';

const KIND = 'parameterizedSubdag';

/**
 * One `subdag` per entry (Hamilton's `parameterized_subdag`): entry `key` builds the modules under the
 * namespace `key`, and the method's node, renamed `key`, is its output. An entry's inputs and config
 * are merged over the shared ones; its externalInputs, when given, replace the shared list. The
 * method's own name is not a node.
 */
export class ParameterizedSubdagModifier implements Modifier {
  readonly phase = 'expand';
  /** With subdag, first of the expansions: it decides what the method's parameters mean. */
  readonly order = -1;
  readonly kind = KIND;

  constructor(
    private readonly modules: HamiltonModule,
    private readonly entries: unknown,
    private readonly shared: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const plans = this.plans(ctx);
    if (!plans) return nodes;
    const targets = sinksOf(nodes);
    const expanded = buildOnce(this, () => {
      const methods = collectSubdagMethods(this.modules, ctx, `@${KIND}`);
      const made = withoutNodes(nodes, targets);
      for (const output of targets) {
        const origin = output.origin && derivedOrigin(output.origin, KIND);
        for (const [key, options] of plans) {
          const label = `@${KIND} entry "${key}"`;
          const subdag = expandSubdag(output, { methods, options, namespace: key, kind: KIND, label }, ctx);
          if (subdag) made.push(...subdag.nodes, { ...output, name: key, deps: subdag.deps, origin });
        }
      }
      return made;
    });
    if (!expanded) ctx.report(text.recursive(ctx.where, `@${KIND}`));
    return expanded ?? nodes;
  }

  /** Each entry's options merged over the shared ones, when every entry and the shared options are usable. */
  private plans(ctx: ModifierContext): Array<[string, ParsedSubdagOptions]> | undefined {
    const report = (m: string) => ctx.report(m);
    const noNamespace = (label: string) => ({ label, namespaces: false });
    const shared = parseSubdagOptions(this.shared, ctx.where, report, noNamespace(`@${KIND} shared options`));
    let ok = shared.ok;
    if (Array.isArray(this.modules) && this.modules.length === 0) {
      ctx.report(text.noModules(ctx.where, `@${KIND}`));
      ok = false;
    }
    if (!isPlainRecord(this.entries) || Object.keys(this.entries).length === 0) {
      ctx.report(text.noEntries(ctx.where, this.entries));
      return undefined;
    }
    const plans: Array<[string, ParsedSubdagOptions]> = [];
    for (const [key, entry] of Object.entries(this.entries)) {
      const label = `@${KIND} entry "${key}"`;
      if (key === '' || key.endsWith('__')) {
        ctx.report(text.badEntryName(ctx.where, key), key);
        ok = false;
        continue;
      }
      const own = parseSubdagOptions(entry, ctx.where, report, noNamespace(label));
      const merged: ParsedSubdagOptions = {
        inputs: shared.inputs.size ? new Map([...shared.inputs, ...own.inputs]) : own.inputs,
        config: { ...shared.config, ...own.config },
        namespace: key,
        externalInputs: own.externalInputs ?? shared.externalInputs,
        ok: own.ok,
      };
      // Each part may be fine alone and clash once merged (a shared input, an entry's config key).
      const checked = own.ok ? checkConfigAndInputs(merged, ctx.where, report, label) : merged;
      ok &&= checked.ok;
      plans.push([key, checked]);
    }
    return ok ? plans : undefined;
  }
}
