import type { ColumnTable } from 'arquero';
import type { HamiltonModule } from '../builder/collect-methods.js';
import { isObject } from './check-arguments.js';
import { Driver, type DriverOptions } from './driver.js';

/**
 * A `Driver` whose independent async nodes run concurrently: every node whose dependencies are
 * ready starts at once, up to `maxConcurrency` (default: unlimited) awaiting together.
 *
 * @example
 * const dr = new AsyncDriver({}, [Fetchers, Features], { maxConcurrency: 8 });
 * const result = await dr.execute(['report'], { inputs: { userId } });
 */
// biome-ignore lint/suspicious/noExplicitAny: the modules' default, as on Driver
export class AsyncDriver<R = ColumnTable, M extends HamiltonModule = any> extends Driver<R, M> {
  constructor(config: Readonly<Record<string, unknown>>, modules: M, options: DriverOptions<R> = {}) {
    super(config, modules, withUnlimitedDefault(options));
  }
}

/** Options that are not an object are passed on untouched, for the Driver to report. */
function withUnlimitedDefault<R>(options: DriverOptions<R>): DriverOptions<R> {
  return isObject(options) ? { ...options, maxConcurrency: options.maxConcurrency ?? Number.POSITIVE_INFINITY } : options;
}
