import { describeValue } from '../errors/messages.js';
import { closeMatches } from '../graph/close-matches.js';
import type { Graph } from '../graph/types.js';

/** How the cache treats a node. */
export type CacheBehavior = 'default' | 'recompute' | 'disable' | 'ignore';

/** What happened to a node in a cached run. */
export type CacheStatus = 'hit' | 'miss' | 'recompute' | 'disabled' | 'ignored' | 'unhashable';

/**
 * Options of `withCache` and of `new Driver(config, modules, { cache })`.
 *
 * @example
 * new Builder().withModules(Features).withCache({ path: '.hamilton-cache', recompute: ['prices'], ignore: ['db'] }).build();
 */
export interface CacheOptions {
  /** The cache directory, shared safely by drivers and processes (default `.hamilton-cache`). */
  readonly path?: string;
  /** Nodes always computed, their results stored anew: `true` for every node. */
  readonly recompute?: boolean | readonly string[];
  /** Nodes computed and never stored (dependents still see their data versions): `true` for every node. */
  readonly disable?: boolean | readonly string[];
  /** Nodes (inputs too) never stored and left out of their dependents' keys: clients, connections, loggers. */
  readonly ignore?: readonly string[];
  /** The behavior of nodes that neither these options nor `@cache` name (default `'default'`). */
  readonly defaultBehavior?: CacheBehavior;
}

const BEHAVIORS: ReadonlySet<unknown> = new Set(['default', 'recompute', 'disable', 'ignore']);
const KNOWN_OPTIONS: ReadonlySet<string> = new Set(['path', 'recompute', 'disable', 'ignore', 'defaultBehavior']);

/** Problems with the options' shape (before the graph exists). */
export function cacheOptionProblems(options: unknown): string[] {
  if (options === true) return [];
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    return [`the cache option is ${describeValue(options)}; give an object such as { path: '.hamilton-cache' }, or true`];
  const problems: string[] = [];
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!KNOWN_OPTIONS.has(key)) problems.push(`cache option "${key}" is unknown; the options are ${[...KNOWN_OPTIONS].join(', ')}`);
  if (o.path !== undefined && (typeof o.path !== 'string' || o.path === ''))
    problems.push(`cache option path is ${describeValue(o.path)}; give a directory name`);
  for (const list of ['recompute', 'disable'] as const)
    if (o[list] !== undefined && typeof o[list] !== 'boolean' && !isNameList(o[list]))
      problems.push(`cache option ${list} is ${describeValue(o[list])}; give true, or an array of node names`);
  if (o.ignore !== undefined && !isNameList(o.ignore))
    problems.push(`cache option ignore is ${describeValue(o.ignore)}; give an array of node names`);
  if (o.defaultBehavior !== undefined && !BEHAVIORS.has(o.defaultBehavior))
    problems.push(`cache option defaultBehavior is ${describeValue(o.defaultBehavior)}; use 'default', 'recompute', 'disable' or 'ignore'`);
  return problems;
}

function isNameList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Each node's behavior: `withCache` lists first (a node in two lists is a mistake), then `@cache`, then
 * `defaultBehavior`. Names that are not nodes are reported with close matches.
 */
export class Behaviors {
  private readonly named = new Map<string, CacheBehavior>();
  private readonly all: CacheBehavior | undefined;
  private readonly fallback: CacheBehavior;
  readonly problems: string[] = [];

  constructor(
    private readonly graph: Graph,
    options: CacheOptions,
  ) {
    this.fallback = options.defaultBehavior ?? 'default';
    this.all = options.disable === true ? 'disable' : options.recompute === true ? 'recompute' : undefined;
    if (options.disable === true && options.recompute === true)
      this.problems.push('cache options disable and recompute are both true; choose one');
    this.add('ignore', options.ignore);
    this.add('disable', Array.isArray(options.disable) ? options.disable : undefined);
    this.add('recompute', Array.isArray(options.recompute) ? options.recompute : undefined);
  }

  of(name: string): CacheBehavior {
    const named = this.named.get(name);
    if (named) return named;
    if (this.all) return this.all;
    return this.graph.nodes.get(name)?.cache?.behavior ?? this.fallback;
  }

  /** True when values of `name` are left out of their dependents' keys. */
  isIgnored(name: string): boolean {
    return this.of(name) === 'ignore';
  }

  private add(behavior: CacheBehavior, names: readonly string[] | undefined): void {
    for (const name of names ?? []) {
      const before = this.named.get(name);
      if (before && before !== behavior) this.problems.push(`cache options name "${name}" in both ${before} and ${behavior}; choose one`);
      else if (!this.graph.nodes.has(name)) {
        const close = closeMatches(name, this.graph.nodes.keys());
        this.problems.push(
          `cache option ${behavior} names "${name}", which is not a node${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''}`,
        );
      } else this.named.set(name, behavior);
    }
  }
}
