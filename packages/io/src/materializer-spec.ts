// Loaders and savers written as JSON, for the command line's --materialize.
import { HamiltonError, type Materializer, source, value } from '@hamilton-ts/core';
import { from, to } from './materializers.js';

/**
 * Loaders and savers from their JSON form: a list of `{ "from": format, "target", "path", ...options }`
 * and `{ "to": format, "id", "dependencies", "path", ...options }` (for SQL: `query`/`table` and
 * `database`). An option written `{ "source": "node" }` is `source('node')`, `{ "value": x }` is `value(x)`.
 *
 * @example
 * materializersFromSpec([{ from: 'csv', target: 'rows', path: 'in.csv' }, { to: 'parquet', id: 'save', dependencies: ['score'], path: 'out.parquet' }]);
 */
export function materializersFromSpec(spec: unknown): Materializer[] {
  if (!Array.isArray(spec))
    throw new HamiltonError(
      `a materializer spec is a JSON list of loaders and savers, not ${JSON.stringify(spec)?.slice(0, 60)}; e.g. ${EXAMPLE}`,
    );
  return spec.map((entry, i) => fromEntry(entry, i));
}

const EXAMPLE =
  '[{"from":"csv","target":"rows","path":"in.csv"},{"to":"parquet","id":"save","dependencies":["score"],"path":"out.parquet"}]';

function fromEntry(entry: unknown, index: number): Materializer {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
    throw new HamiltonError(`materializer #${index} is ${JSON.stringify(entry)}; give an object with "from" or "to", e.g. ${EXAMPLE}`);
  const { from: loadFormat, to: saveFormat, ...rest } = entry as Record<string, unknown>;
  if ((loadFormat === undefined) === (saveFormat === undefined))
    throw new HamiltonError(`materializer #${index} needs exactly one of "from" (a loader's format) and "to" (a saver's format)`);
  const options = Object.fromEntries(Object.entries(rest).map(([key, option]) => [key, binding(option)]));
  const format = loadFormat ?? saveFormat;
  if (typeof format !== 'string')
    throw new HamiltonError(`materializer #${index}: the format is ${JSON.stringify(format)}; give a format name such as "csv"`);
  // biome-ignore lint/suspicious/noExplicitAny: the entry's fields are checked by the loader or saver when the graph is built
  const loose = options as any;
  if (loadFormat !== undefined) return format === 'sql' ? from.sql(loose) : from.format(format, loose);
  return format === 'sql' ? to.sql(loose) : to.format(format, loose);
}

/** `{ "source": name }` and `{ "value": x }` as bindings; anything else as it is. */
function binding(option: unknown): unknown {
  if (option === null || typeof option !== 'object' || Array.isArray(option)) return option;
  const keys = Object.keys(option);
  if (keys.length !== 1) return option;
  const record = option as Record<string, unknown>;
  if (keys[0] === 'source' && typeof record.source === 'string') return source(record.source);
  if (keys[0] === 'value') return value(record.value);
  return option;
}
