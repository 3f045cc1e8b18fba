import { messages } from '../errors/messages.js';
import type { ModifierContext } from './modifier.js';

/** The names as strings when every one is a usable, distinct node name; otherwise reports and returns undefined. */
export function checkNames(names: readonly unknown[], what: string, modifier: string, ctx: ModifierContext): string[] | undefined {
  if (names.length === 0) return void ctx.report(messages.emptyModifier(ctx.where, modifier, what));
  const seen = new Set<string>();
  let ok = true;
  for (const name of names) {
    if (typeof name !== 'string' || name === '' || name.endsWith('__')) {
      ctx.report(messages.badOutputName(ctx.where, modifier, name));
      ok = false;
    } else if (seen.has(name)) {
      ctx.report(messages.duplicateOutputName(ctx.where, modifier, name), name);
      ok = false;
    }
    if (typeof name === 'string') seen.add(name);
  }
  return ok ? [...seen] : undefined;
}
