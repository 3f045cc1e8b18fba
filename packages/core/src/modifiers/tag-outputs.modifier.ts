import { messages } from '../errors/messages.js';
import type { NodeDef, TagValue } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import type { Modifier, ModifierContext } from './modifier.js';
import { isTagValue } from './tag.modifier.js';

/**
 * Tags named outputs of a method that produces several nodes (parameterize, extractColumns,
 * extractFields). Applied after `@tag`, so a specific tag wins over a method-wide one.
 */
export class TagOutputsModifier implements Modifier {
  readonly phase = 'metadata';
  readonly order = 1;
  readonly kind = 'tagOutputs';

  constructor(private readonly tagsByOutput: unknown) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const byOutput = this.tagsByOutput;
    if (!isPlainRecord(byOutput) || Object.keys(byOutput).length === 0) {
      ctx.report(messages.emptyModifier(ctx.where, this.kind, 'outputs to tag'));
      return nodes;
    }
    const index = new Map(nodes.map((n, i) => [n.name, i]));
    const result = [...nodes];
    for (const [output, tags] of Object.entries(byOutput)) {
      const i = index.get(output);
      if (i === undefined) ctx.report(messages.unknownTaggedOutput(ctx.where, output, [...index.keys()]), output);
      else if (!isPlainRecord(tags)) ctx.report(messages.tagsNotRecord(ctx.where, output, tags), output);
      else if (this.tagsAreValid(tags, output, ctx))
        result[i] = { ...result[i], tags: { ...result[i].tags, ...(tags as Record<string, TagValue>) } };
    }
    return result;
  }

  private tagsAreValid(tags: Record<string, unknown>, output: string, ctx: ModifierContext): boolean {
    const bad = Object.entries(tags).filter(([, v]) => !isTagValue(v));
    for (const [key, value] of bad) ctx.report(messages.badTagValue(ctx.where, this.kind, key, value), output);
    return bad.length === 0;
  }
}
