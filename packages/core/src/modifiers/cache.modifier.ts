import type { NodeCacheSettings, NodeDef } from '../graph/types.js';
import { withKeys } from '../graph/with-keys.js';
import type { Modifier, ModifierContext } from './modifier.js';

const BEHAVIORS: ReadonlySet<unknown> = new Set(['default', 'recompute', 'disable', 'ignore']);
const FORMATS: ReadonlySet<unknown> = new Set(['json', 'arrow', 'parquet']);

/** Records `@cache` settings on every node of the method; the cache reads them when the driver caches. */
export class CacheModifier implements Modifier {
  readonly phase = 'metadata';
  readonly order = 1;
  readonly kind = 'cache';

  constructor(private readonly settings: unknown) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const problem = settingsProblem(this.settings);
    if (problem) {
      ctx.report(`${ctx.where}: @cache ${problem}`);
      return nodes;
    }
    const cache = this.settings as NodeCacheSettings;
    return nodes.map((n) => (n.kind === 'function' ? withKeys(n, { cache }) : n));
  }
}

function settingsProblem(settings: unknown): string | undefined {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    return `takes an object such as { behavior: 'recompute' } or { format: 'arrow' }, not ${String(settings)}`;
  const { behavior, format, ...rest } = settings as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) return `has unknown option(s) ${unknown.map((k) => `"${k}"`).join(', ')}; it takes behavior and format`;
  if (behavior !== undefined && !BEHAVIORS.has(behavior))
    return `behavior is ${JSON.stringify(behavior)}; use 'default', 'recompute', 'disable' or 'ignore'`;
  if (format !== undefined && !FORMATS.has(format)) return `format is ${JSON.stringify(format)}; use 'json', 'arrow' or 'parquet'`;
  return undefined;
}
