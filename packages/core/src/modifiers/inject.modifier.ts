import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { ParameterBinder } from './bind-parameters.js';
import { isPlainRecord } from './binding.js';
import { templateDoc } from './doc-template.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/** Binds parameters of a method's node to values, sources or groups; the node keeps its name, its doc is templated. */
export class InjectModifier implements Modifier {
  readonly phase = 'expand';
  /** After `does` (0), before `parameterize` (2). */
  readonly order = 1;
  readonly kind = 'inject';

  constructor(private readonly bindings: unknown) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    if (isPlainRecord(this.bindings) && Object.keys(this.bindings).length === 0) {
      ctx.report(messages.emptyModifier(ctx.where, this.kind, 'parameters'));
      return nodes;
    }
    const targets = new Set(sinksOf(nodes));
    return nodes.map((node) => {
      if (!targets.has(node)) return node;
      const report = (message: string) => ctx.report(message, node.name);
      const binder = new ParameterBinder(node);
      const bound = binder.bind(this.bindings, { where: ctx.where, label: '@inject', report });
      if (!bound) return node;
      const doc = templateDoc(node.doc, node.name, this.bindings as Record<string, unknown>, binder.parameters);
      return doc === bound.doc ? bound : { ...bound, doc };
    });
  }
}
