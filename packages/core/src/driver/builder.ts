import type { HamiltonModule } from '../builder/collect-methods.js';
import type { GraphAdapter } from '../lifecycle/hooks.js';
import { AsyncDriver } from './async-driver.js';
import { checkBuild, checkWithAdapters, checkWithConfig, checkWithModules } from './check-arguments.js';
import { Driver } from './driver.js';

/**
 * Assembles a driver step by step. `withConfig` merges, `withModules` and `withAdapters` append.
 *
 * @example
 * const dr = new Builder().withModules(A, B).withConfig({ region: 'US' }).withAdapters(new PrintLn())
 *   .allowModuleOverrides().build();
 */
export class Builder {
  private modules: HamiltonModule[] = [];
  private config: Record<string, unknown> = {};
  private adapters: GraphAdapter[] = [];
  private overrides = false;

  withModules(...modules: HamiltonModule[]): this {
    checkWithModules(modules);
    this.modules.push(...modules);
    return this;
  }

  withConfig(config: Readonly<Record<string, unknown>>): this {
    checkWithConfig(config);
    this.config = { ...this.config, ...config };
    return this;
  }

  withAdapters(...adapters: GraphAdapter[]): this {
    checkWithAdapters(adapters);
    this.adapters.push(...adapters);
    return this;
  }

  /** Later modules replace same-named nodes of earlier ones instead of failing the build. */
  allowModuleOverrides(): this {
    this.overrides = true;
    return this;
  }

  /** A sequential `Driver`. */
  build<R = unknown>(): Driver<R> {
    checkBuild('build', this.modules);
    return new Driver<R>(this.config, this.modules, { adapter: this.adapters, allowModuleOverrides: this.overrides });
  }

  /** An `AsyncDriver` running up to `maxConcurrency` nodes at once (default: unlimited). */
  buildAsync<R = unknown>(options: { maxConcurrency?: number } = {}): AsyncDriver<R> {
    checkBuild('buildAsync', this.modules, options);
    return new AsyncDriver<R>(this.config, this.modules, { ...options, adapter: this.adapters, allowModuleOverrides: this.overrides });
  }
}
