import { messages, subdagMessages as text } from '../errors/messages.js';
import { GroupBinding, isPlainRecord, SourceBinding, ValueBinding } from './binding.js';

/**
 * Options of `subdag`: how the subdag's external inputs are bound, config merged over the outer
 * config for building it, the namespace its nodes go under (default: the method's node name), and
 * the method's parameters that the outer graph supplies rather than the subdag.
 *
 * @example
 * @node() @subdag(Cleaning, { inputs: { raw: source('euSpend') }, config: { strict: true }, namespace: 'eu', externalInputs: ['fx'] })
 * euTotal(total: number, fx: number): number { return total * fx; }
 */
export interface SubdagOptions {
  readonly inputs?: Readonly<Record<string, ValueBinding | SourceBinding>>;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly namespace?: string;
  /** Parameters of the method read from the outer graph by their own name, not from the subdag. */
  readonly externalInputs?: readonly string[];
}

/** Options after checking: bad entries are reported and left out. */
export interface ParsedSubdagOptions {
  readonly inputs: ReadonlyMap<string, ValueBinding | SourceBinding>;
  readonly config: Readonly<Record<string, unknown>>;
  readonly namespace: string | undefined;
  /** Undefined when not given, so that `parameterizedSubdag` can tell an entry's own list from none. */
  readonly externalInputs: readonly string[] | undefined;
  readonly ok: boolean;
}

/** Which use of the options is being read, for messages: `@subdag`, or one entry of `@parameterizedSubdag`. */
export interface SubdagSite {
  readonly label: string;
  /** `parameterizedSubdag` names its namespaces by their keys, so its options have none. */
  readonly namespaces: boolean;
}

const SUBDAG: SubdagSite = { label: '@subdag', namespaces: true };

/** Reads `subdag`'s options, reporting every misuse. */
export function parseSubdagOptions(
  options: unknown,
  where: string,
  report: (message: string) => void,
  site: SubdagSite = SUBDAG,
): ParsedSubdagOptions {
  const { label } = site;
  let ok = true;
  const bad = (message: string): void => {
    ok = false;
    report(message);
  };
  const inputs = new Map<string, ValueBinding | SourceBinding>();
  let config: Record<string, unknown> = {};
  let namespace: string | undefined;
  let externalInputs: string[] | undefined;
  if (options !== undefined && !isPlainRecord(options))
    bad(
      text.badOptions(
        where,
        options,
        label,
        `{ ${knownOptions(site)
          .map((k) => `${k}?`)
          .join(', ')} }`,
      ),
    );
  for (const [key, v] of Object.entries(isPlainRecord(options) ? options : {})) {
    if (key === 'namespace' && site.namespaces) {
      if (typeof v === 'string' && v !== '' && !v.endsWith('__')) namespace = v;
      else bad(text.badNamespace(where, v));
    } else if (key === 'config') {
      if (isPlainRecord(v)) config = v;
      else bad(text.badRecord(where, 'config', v, label));
    } else if (key === 'inputs') {
      if (!isPlainRecord(v)) bad(text.badRecord(where, 'inputs', v, label));
      else
        for (const [name, binding] of Object.entries(v)) {
          if (binding instanceof GroupBinding) bad(text.groupInput(where, name, label));
          else if (binding instanceof SourceBinding && (typeof binding.name !== 'string' || binding.name === ''))
            bad(messages.badSourceName(where, `${label} inputs`, name, binding.name));
          else if (binding instanceof ValueBinding || binding instanceof SourceBinding) inputs.set(name, binding);
          else bad(messages.bareBinding(where, `${label} inputs`, name, binding));
        }
    } else if (key === 'externalInputs') {
      if (Array.isArray(v) && v.every((name) => typeof name === 'string' && name !== '')) externalInputs = v;
      else bad(text.badExternalInputs(where, v, label));
    } else bad(text.unknownOption(where, key, label, knownOptions(site)));
  }
  const parsed = { inputs, config, namespace, externalInputs, ok };
  return checkConfigAndInputs(parsed, where, report, label);
}

/** The options a site takes, for messages. */
function knownOptions(site: SubdagSite): string[] {
  return ['inputs', 'config', ...(site.namespaces ? ['namespace'] : []), 'externalInputs'];
}

/**
 * A key both in `config` and in `inputs` is an error, as the Driver's own config/inputs overlap is:
 * the subdag would be built with one value and run with another.
 */
export function checkConfigAndInputs(
  options: ParsedSubdagOptions,
  where: string,
  report: (message: string) => void,
  label = SUBDAG.label,
): ParsedSubdagOptions {
  const shared: string[] = [];
  for (const key of options.inputs.keys()) if (Object.hasOwn(options.config, key)) shared.push(key);
  if (shared.length === 0) return options;
  report(text.configAndInputs(where, shared, label));
  return { ...options, ok: false };
}
