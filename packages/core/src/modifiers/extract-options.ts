import { extractMessages } from '../errors/messages.js';
import { isPlainRecord } from './binding.js';
import type { Fill } from './column-access.js';
import type { ModifierContext } from './modifier.js';

const KNOWN = ['fillWith'];

/** Reads the options of `extractColumns` / `extractFields`, `{ fillWith }`, reporting anything else; `ok` is false after a report. */
export function parseFillOptions(options: unknown, modifier: string, ctx: ModifierContext): { fill: Fill; ok: boolean } {
  if (options === undefined) return { fill: undefined, ok: true };
  if (!isPlainRecord(options)) {
    ctx.report(extractMessages.badOptions(ctx.where, modifier, options, KNOWN));
    return { fill: undefined, ok: false };
  }
  const unknown = Object.keys(options).filter((key) => !KNOWN.includes(key));
  for (const key of unknown) ctx.report(extractMessages.unknownOption(ctx.where, modifier, key, KNOWN));
  return { fill: 'fillWith' in options ? { value: options.fillWith } : undefined, ok: unknown.length === 0 };
}
