import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { ParameterBinder } from './bind-parameters.js';
import { isPlainRecord } from './binding.js';
import { templateDoc } from './doc-template.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/**
 * Turns a method into one node per output, each with some parameters bound; the method's own name
 * is not a node. Parameters an output does not bind stay ordinary dependencies.
 */
export class ParameterizeModifier implements Modifier {
  readonly phase = 'expand';
  /** After `does` (0) and `inject` (1), so all three compose. */
  readonly order = 2;
  readonly kind = 'parameterize';

  constructor(private readonly outputs: unknown) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const outputs = this.outputs;
    if (!isPlainRecord(outputs)) {
      ctx.report(messages.bindingsNotRecord(ctx.where, '@parameterize', outputs));
      return [];
    }
    const names = Object.keys(outputs);
    if (names.length === 0) {
      ctx.report(messages.emptyModifier(ctx.where, 'parameterize', 'outputs'));
      return [];
    }
    const targets = sinksOf(nodes);
    const kept = new Set(targets);
    const result = nodes.filter((n) => !kept.has(n));
    for (const target of targets) {
      const binder = new ParameterBinder(target); // built once: per output only its own bindings cost
      const origin = target.origin && { ...target.origin, modifier: this.kind };
      for (const output of names) {
        if (output === '' || output.endsWith('__')) {
          ctx.report(messages.badOutputName(ctx.where, this.kind, output), output);
          continue;
        }
        const bindings = outputs[output];
        const report = (message: string) => ctx.report(message, output);
        const bound = binder.bind(bindings, { where: ctx.where, label: `@parameterize output "${output}"`, report });
        if (!bound) continue;
        const doc = templateDoc(target.doc, output, bindings as Record<string, unknown>);
        result.push({ ...bound, name: output, doc, ...(origin ? { origin } : {}) });
      }
    }
    return result;
  }
}
