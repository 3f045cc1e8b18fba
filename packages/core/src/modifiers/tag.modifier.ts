import type { NodeDef, TagValue } from '../graph/types.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/** Adds tags to the final nodes a method produces. */
export class TagModifier implements Modifier {
  readonly phase = 'metadata';
  readonly order = 0;
  readonly kind = 'tag';

  constructor(private readonly tags: Readonly<Record<string, unknown>>) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const bad = Object.entries(this.tags).filter(([, v]) => !isTagValue(v));
    for (const [key, value] of bad)
      ctx.report(`${ctx.where}: @tag value of "${key}" is ${JSON.stringify(value)}; a tag value is a string or an array of strings`);
    if (bad.length) return nodes;
    const targets = new Set(sinksOf(nodes));
    return nodes.map((n) => (targets.has(n) ? { ...n, tags: { ...n.tags, ...(this.tags as Record<string, TagValue>) } } : n));
  }
}

/** A string or an array of strings. */
export function isTagValue(value: unknown): value is TagValue {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}
