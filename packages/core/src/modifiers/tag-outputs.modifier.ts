import { messages } from '../errors/messages.js';
import type { NodeDef, TagValue } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import type { Modifier, ModifierContext } from './modifier.js';
import { checkUserTags } from './tag-rules.js';

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
      else if (checkUserTags(tags, `${ctx.where}: @tagOutputs for "${output}"`, (m) => ctx.report(m, output)))
        result[i] = { ...result[i], tags: { ...result[i].tags, ...(tags as Record<string, TagValue>) } };
    }
    return result;
  }
}
