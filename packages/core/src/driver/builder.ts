import type { ColumnTable } from 'arquero';
import type { HamiltonModule } from '../builder/collect-methods.js';
import { type CacheOptions, cacheOptionProblems } from '../cache/cache-options.js';
import type { GraphAdapter } from '../lifecycle/hooks.js';
import { AsyncDriver } from './async-driver.js';
import { checkBuild, checkWithAdapters, checkWithConfig, checkWithModules, failBuild } from './check-arguments.js';
import { Driver, type DriverAdapter } from './driver.js';

/**
 * Assembles a driver step by step. `withConfig` merges, `withModules` and `withAdapters` append.
 * The driver is typed as `new Driver(...)` would be: results from the result builder given to
 * `withAdapters`, outputs from the modules given to `withModules`.
 *
 * @example
 * const dr = new Builder().withModules(A, B).withConfig({ region: 'US' }).withAdapters(new PrintLn())
 *   .allowModuleOverrides().build();
 */
export class Builder<R = ColumnTable, M extends HamiltonModule = never> {
  private modules: HamiltonModule[] = [];
  private config: Record<string, unknown> = {};
  private adapters: GraphAdapter[] = [];
  private overrides = false;
  private cache: CacheOptions | undefined;

  withModules<const Added extends readonly HamiltonModule[]>(...modules: Added): Builder<R, M | Added[number]> {
    checkWithModules(modules);
    this.modules.push(...modules);
    return this as Builder<R, M | Added[number]>;
  }

  withConfig(config: Readonly<Record<string, unknown>>): this {
    checkWithConfig(config);
    this.config = { ...this.config, ...config };
    return this;
  }

  /** Appends adapters; a result builder among them types the driver's results. */
  withAdapters<Built = R>(...adapters: DriverAdapter<Built>[]): Builder<Built, M> {
    checkWithAdapters(adapters);
    this.adapters.push(...(adapters as GraphAdapter[]));
    return this as unknown as Builder<Built, M>;
  }

  /**
   * Caches node results in `path` (default `.hamilton-cache`): a later run, in this process or another,
   * loads what it can and computes only what changed. See `dr.cache`.
   *
   * @example
   * const dr = new Builder().withModules(Features).withCache({ recompute: ['prices'] }).build();
   */
  withCache(options: CacheOptions = {}): this {
    failBuild(cacheOptionProblems(options));
    this.cache = options;
    return this;
  }

  /** Later modules replace same-named nodes of earlier ones instead of failing the build. */
  allowModuleOverrides(): this {
    this.overrides = true;
    return this;
  }

  /** A sequential `Driver`. */
  build<Built = R>(): Driver<Built, M> {
    checkBuild('build', this.modules);
    return new Driver<Built, M>(this.config, this.builtModules(), {
      adapter: this.adapters,
      allowModuleOverrides: this.overrides,
      ...(this.cache ? { cache: this.cache } : {}),
    });
  }

  /** An `AsyncDriver` running up to `maxConcurrency` nodes at once (default: unlimited). */
  buildAsync<Built = R>(options: { maxConcurrency?: number } = {}): AsyncDriver<Built, M> {
    checkBuild('buildAsync', this.modules, options);
    return new AsyncDriver<Built, M>(this.config, this.builtModules(), {
      ...options,
      adapter: this.adapters,
      allowModuleOverrides: this.overrides,
      ...(this.cache ? { cache: this.cache } : {}),
    });
  }

  /** The modules as the driver's type sees them: `M` is what `withModules` was given. */
  private builtModules(): M {
    return this.modules as unknown as M;
  }
}
