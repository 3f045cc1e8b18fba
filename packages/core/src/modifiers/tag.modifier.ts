import type { NodeDef, TagValue } from '../graph/types.js';
import { withKeys } from '../graph/with-keys.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { checkUserTags } from './tag-rules.js';

/** Adds tags to the final nodes a method produces. */
export class TagModifier implements Modifier {
  readonly phase = 'metadata';
  readonly order = 0;
  readonly kind = 'tag';

  constructor(private readonly tags: Readonly<Record<string, unknown>>) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    if (!checkUserTags(this.tags, `${ctx.where}: @tag`, (m) => ctx.report(m))) return nodes;
    const targets = new Set(sinksOf(nodes));
    return nodes.map((n) => (targets.has(n) ? { ...n, tags: withKeys(n.tags, this.tags as Record<string, TagValue>) } : n));
  }
}
