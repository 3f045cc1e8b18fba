import { isThenable } from '../lifecycle/hook-set.js';
import type { IoContext, LoaderSpec, LoadMetadata, LoadReport, MaterializeResult, Materializer, SaveMetadata } from './io-spec.js';

/**
 * One `dr.materialize` call: its loaders, each made to report what it read into this call alone, and
 * the result built from the run's values. A loader's metadata stays out of its node's value, so the
 * nodes after it are cached on the data alone (a time taken would change their keys on every run).
 */
export class MaterializeRun {
  /** The materializers to build the graph with: the loaders given, reporting here; the savers as given. */
  readonly materializers: readonly Materializer[];
  /** The nodes the run computes: every saver, then `additionalVars`, each once. */
  readonly outputs: readonly string[];
  private readonly loaded = new Map<string, LoadMetadata>();

  constructor(
    private readonly given: readonly Materializer[],
    private readonly additionalVars: readonly string[],
  ) {
    this.materializers = given.map((m) => (m.role === 'loader' ? this.reporting(m) : m));
    const savers = given.flatMap((m) => (m.role === 'saver' ? [m.id] : []));
    this.outputs = [...new Set([...savers, ...additionalVars])];
  }

  /** `additionalVars` by name, and the metadata of every saver and of every loader that ran, in the order given. */
  result(values: Readonly<Record<string, unknown>>): MaterializeResult {
    const metadata: Record<string, SaveMetadata | LoadMetadata> = {};
    for (const m of this.given) {
      if (m.role === 'saver') metadata[m.id] = values[m.id] as SaveMetadata;
      else if (this.loaded.has(m.target)) metadata[m.target] = this.loaded.get(m.target)!;
    }
    const results: Record<string, unknown> = {};
    for (const name of this.additionalVars) results[name] = values[name];
    return { results, metadata };
  }

  /**
   * The loader with a `load` that times itself and keeps what the loader reports. A prototype link
   * rather than a copy, so a loader whose methods live on its class (or a frozen one) keeps them.
   */
  private reporting(loader: LoaderSpec): LoaderSpec {
    const load = (options: Record<string, unknown>, context: IoContext): unknown => {
      const started = performance.now();
      let report: LoadReport | undefined;
      const reportLoad = (given: LoadReport) => {
        report = given;
      };
      const record = () => this.loaded.set(loader.target, { ...report, format: loader.format, ms: performance.now() - started });
      const value = loader.load(options, { ...context, reportLoad });
      if (!isThenable(value)) {
        record();
        return value;
      }
      return Promise.resolve(value).then((loaded) => {
        record();
        return loaded;
      });
    };
    return Object.create(loader, { load: { value: load } });
  }
}
