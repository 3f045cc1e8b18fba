import { messages } from '../errors/messages.js';
import type { ModifierContext } from './modifier.js';

/** Whether every name is a usable, distinct node name; reports each problem. */
export function checkNames(names: readonly unknown[], what: string, modifier: string, ctx: ModifierContext): boolean {
  if (names.length === 0) {
    ctx.report(messages.emptyModifier(ctx.where, modifier, what));
    return false;
  }
  // A few names (the usual case) are compared with the earlier ones; a set only pays for many.
  const seen = names.length > 16 ? new Set<unknown>() : undefined;
  let ok = true;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (typeof name !== 'string' || name === '' || name.endsWith('__')) {
      ctx.report(messages.badOutputName(ctx.where, modifier, name));
      ok = false;
    } else if (seen ? seen.has(name) : names.indexOf(name) < i) {
      ctx.report(messages.duplicateOutputName(ctx.where, modifier, name), name);
      ok = false;
    }
    seen?.add(name);
  }
  return ok;
}
