import { HamiltonError } from '@hamilton-ts/result-builders';
import { describeValue } from '../errors/messages.js';
import type { Materializer } from './io-spec.js';

/**
 * `dr.materialize(materializers, options)`: a list of loaders and savers (as `from.*` / `to.*` make
 * them) and an options object whose `additionalVars` are node names; inputs and overrides are checked
 * by the run itself.
 */
export function checkMaterializeArguments(materializers: unknown, options: unknown): asserts materializers is readonly Materializer[] {
  if (!Array.isArray(materializers))
    throw new HamiltonError(
      `materialize: materializers is ${describeValue(materializers)}; give an array of loaders and savers, e.g. [from.csv({ target: 'rows', path: 'in.csv' }), to.parquet({ id: 'save', dependencies: ['score'], path: 'out.parquet' })] from @hamilton-ts/io`,
    );
  materializers.forEach((m, i) => {
    const role = (m as { role?: unknown } | null)?.role;
    if (role !== 'loader' && role !== 'saver')
      throw new HamiltonError(
        `materialize: materializers[${i}] is ${describeValue(m)}, not a loader or saver; make one with from.<format>(...) or to.<format>(...) of @hamilton-ts/io`,
      );
  });
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new HamiltonError(
      `materialize: options is ${describeValue(options)}; give an object such as { additionalVars: ['score'], inputs }`,
    );
  const { additionalVars } = options as { additionalVars?: unknown };
  if (additionalVars !== undefined && !(Array.isArray(additionalVars) && additionalVars.every((v) => typeof v === 'string')))
    throw new HamiltonError(`materialize: additionalVars is ${describeValue(additionalVars)}; give an array of node names, e.g. ['score']`);
}
