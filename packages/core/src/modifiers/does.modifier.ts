import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/**
 * Replaces a method's body with another function while keeping its signature (dependencies and
 * types). The function receives ONE argument: a record of the dependency values keyed by the
 * method's parameter names; `mapping` (`{ fnKey: 'methodParam' }`, as Hamilton's argument mapping)
 * passes a parameter under another key. Absent optional dependencies are left out of the record.
 */
export class DoesModifier implements Modifier {
  readonly phase = 'expand';
  /** First of the expansions, so `inject` and `parameterize` bind the replaced function. */
  readonly order = 0;
  readonly kind = 'does';

  constructor(
    private readonly fn: unknown,
    private readonly mapping: unknown = {},
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    if (typeof this.fn !== 'function') {
      ctx.report(messages.notAFunction(ctx.where, this.kind, this.fn));
      return nodes;
    }
    if (!isPlainRecord(this.mapping)) {
      ctx.report(messages.badDoesMapping(ctx.where, this.mapping));
      return nodes;
    }
    const targets = new Set(sinksOf(nodes));
    return nodes.map((node) =>
      targets.has(node) ? this.replace(node, this.fn as Function, this.mapping as Record<string, unknown>, ctx) : node,
    );
  }

  private replace(node: NodeDef, fn: Function, mapping: Record<string, unknown>, ctx: ModifierContext): NodeDef {
    const params = node.deps.map((d) => d.param);
    const keysOf = new Map<string, string[]>(params.map((p) => [p, []]));
    let ok = true;
    for (const [key, target] of Object.entries(mapping)) {
      const keys = typeof target === 'string' ? keysOf.get(target) : undefined;
      if (keys) keys.push(key);
      else {
        ctx.report(messages.badMappingTarget(ctx.where, key, target, params), node.name);
        ok = false;
      }
    }
    if (!ok) return node;
    const keys = params.map((p) => (keysOf.get(p)!.length ? keysOf.get(p)! : [p]));
    const call = (args: unknown[]) => {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) if (args[i] !== undefined) for (const key of keys[i]) record[key] = args[i];
      return fn(record);
    };
    return { ...node, call };
  }
}
