import type { NodeCacheSettings } from '../graph/types.js';
import { addModifier } from '../metadata/method-record.js';
import { CacheModifier } from '../modifiers/cache.modifier.js';

/**
 * How a driver with a cache treats this method's nodes: `behavior` `'default'` (load when the key was
 * seen, else compute and store), `'recompute'` (always compute, store), `'disable'` (compute, store
 * nothing; dependents still see its data version) or `'ignore'` (compute, store nothing, and leave it out
 * of its dependents' keys: for clients and connections); `format` of the stored result. Options given to
 * `withCache` win over this decorator.
 *
 * @example
 * @node() @cache({ behavior: 'recompute' }) latestPrices(api: PriceApi): Promise<Float64Array> { ... }
 */
export function cache(settings: NodeCacheSettings): MethodDecorator {
  return (target, method) => addModifier(target, method, new CacheModifier(settings));
}
