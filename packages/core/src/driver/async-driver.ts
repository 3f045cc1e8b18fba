import type { HamiltonModule } from '../builder/collect-methods.js';
import { Driver, type DriverOptions } from './driver.js';

/**
 * A `Driver` whose independent async nodes run concurrently: every node whose dependencies are
 * ready starts at once, up to `maxConcurrency` (default: unlimited) awaiting together.
 *
 * @example
 * const dr = new AsyncDriver({}, [Fetchers, Features], { maxConcurrency: 8 });
 * const result = await dr.execute(['report'], { inputs: { userId } });
 */
export class AsyncDriver<R = unknown> extends Driver<R> {
  constructor(config: Readonly<Record<string, unknown>>, modules: HamiltonModule, options: DriverOptions = {}) {
    super(config, modules, { ...options, maxConcurrency: options.maxConcurrency ?? Number.POSITIVE_INFINITY });
  }
}
