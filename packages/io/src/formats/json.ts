import { ColumnTable, from, fromJSON } from 'arquero';
import type { FileFormat } from '../format-registry.js';
import { utf8Text } from './utf8-text.js';

/**
 * JSON: loads the parsed value (with `table: true`, an arquero table from arquero's JSON or a list of
 * records); saves tables as arquero's JSON and other values as plain JSON, typed arrays as arrays.
 */
export const jsonFormat: FileFormat = {
  name: 'json',
  load: (bytes, options) => {
    const text = utf8Text(bytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`malformed JSON: ${(error as Error).message}`);
    }
    if (!options.table) return parsed;
    if (Array.isArray(parsed)) return from(parsed);
    return fromJSON(text);
  },
  save: (value, options) => {
    if (value instanceof ColumnTable) return value.toJSON();
    return JSON.stringify(value, plainJson, options.indent as number | undefined);
  },
  tabular: false,
  options: ['table', 'indent'],
};

/** Typed arrays as arrays, Maps as records, Sets as arrays; what cannot be JSON is an error, not `{}`. */
function plainJson(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function') throw new Error(`json cannot write a function (${value.name || 'anonymous'})`);
  return value;
}
