import { messages } from '../errors/messages.js';
import { derivedOrigin } from '../graph/derived-origin.js';
import type { NodeDef } from '../graph/types.js';
import { ParameterBinder } from './bind-parameters.js';
import { isPlainRecord } from './binding.js';
import { templateDoc } from './doc-template.js';
import { type Modifier, type ModifierContext, sinksOf, withoutNodes } from './modifier.js';

/** An output's bindings and doc: `{ param: binding }`, or `[bindings, doc]` to give the output a doc of its own. */
function outputSpec(spec: unknown, methodDoc: string): { bindings: unknown; doc: unknown } {
  return Array.isArray(spec) && spec.length === 2 ? { bindings: spec[0], doc: spec[1] } : { bindings: spec, doc: methodDoc };
}

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
    const result = withoutNodes(nodes, targets);
    for (const target of targets) {
      const binder = new ParameterBinder(target); // built once: per output only its own bindings cost
      const origin = target.origin && derivedOrigin(target.origin, this.kind);
      for (const output of names) {
        if (output === '' || output.endsWith('__')) {
          ctx.report(messages.badOutputName(ctx.where, this.kind, output), output);
          continue;
        }
        const report = (message: string) => ctx.report(message, output);
        const spec = outputSpec(outputs[output], target.doc);
        if (typeof spec.doc !== 'string') {
          report(messages.badOutputDoc(ctx.where, output, spec.doc));
          continue;
        }
        const bound = binder.bind(spec.bindings, { where: ctx.where, label: `@parameterize output "${output}"`, report });
        if (!bound) continue;
        const doc = templateDoc(spec.doc, output, spec.bindings as Record<string, unknown>, binder.parameters);
        result.push({ ...bound, name: output, doc, origin });
      }
    }
    return result;
  }
}
