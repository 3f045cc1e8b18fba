import { messages, subdagMessages as text } from '../errors/messages.js';
import { GroupBinding, isPlainRecord, SourceBinding, ValueBinding } from './binding.js';

/**
 * Options of `subdag`: how the subdag's external inputs are bound, config merged over the outer
 * config for building it, and the namespace its nodes go under (default: the method's node name).
 *
 * @example
 * @node() @subdag(Cleaning, { inputs: { raw: source('euSpend'), rate: value(1.1) }, config: { strict: true }, namespace: 'eu' })
 * euTotal(total: number): number { return total; }
 */
export interface SubdagOptions {
  readonly inputs?: Readonly<Record<string, ValueBinding | SourceBinding>>;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly namespace?: string;
}

/** Options after checking: bad entries are reported and left out. */
export interface ParsedSubdagOptions {
  readonly inputs: ReadonlyMap<string, ValueBinding | SourceBinding>;
  readonly config: Readonly<Record<string, unknown>>;
  readonly namespace: string | undefined;
  readonly ok: boolean;
}

/** Reads `subdag`'s options, reporting every misuse. */
export function parseSubdagOptions(options: unknown, where: string, report: (message: string) => void): ParsedSubdagOptions {
  let ok = true;
  const bad = (message: string): void => {
    ok = false;
    report(message);
  };
  const inputs = new Map<string, ValueBinding | SourceBinding>();
  let config: Record<string, unknown> = {};
  let namespace: string | undefined;
  if (options !== undefined && !isPlainRecord(options)) bad(text.badOptions(where, options));
  for (const [key, v] of Object.entries(isPlainRecord(options) ? options : {})) {
    if (key === 'namespace') {
      if (typeof v === 'string' && v !== '' && !v.endsWith('__')) namespace = v;
      else bad(text.badNamespace(where, v));
    } else if (key === 'config') {
      if (isPlainRecord(v)) config = v;
      else bad(text.badRecord(where, 'config', v));
    } else if (key === 'inputs') {
      if (!isPlainRecord(v)) bad(text.badRecord(where, 'inputs', v));
      else
        for (const [name, binding] of Object.entries(v)) {
          if (binding instanceof GroupBinding) bad(text.groupInput(where, name));
          else if (binding instanceof SourceBinding && (typeof binding.name !== 'string' || binding.name === ''))
            bad(messages.badSourceName(where, '@subdag inputs', name, binding.name));
          else if (binding instanceof ValueBinding || binding instanceof SourceBinding) inputs.set(name, binding);
          else bad(messages.bareBinding(where, '@subdag inputs', name, binding));
        }
    } else bad(text.unknownOption(where, key));
  }
  return { inputs, config, namespace, ok };
}
