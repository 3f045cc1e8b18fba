// The file formats loaders and savers know by name: the built-in ones and those given to registerFormat.
import { HamiltonError } from '@hamilton-ts/core';
import { MaterializerError, type MaterializerErrorDetails } from './errors.js';

/** What a format's `load` and `save` learn about their node. */
export interface FormatContext {
  /** The node loading or saving. */
  readonly node: string;
  /** The file's path, as given. */
  readonly path: string;
}

/**
 * A file format: how bytes become a value (`load`) and a value becomes bytes (`save`). Either may be
 * left out for a format that is only read or only written. Throwing from either is reported as a
 * `MaterializerError` naming the node, the format and the path.
 *
 * @example
 * registerFormat({
 *   name: 'lines',
 *   load: (bytes) => new TextDecoder().decode(bytes).split('\n'),
 *   save: (value) => (value as string[]).join('\n'),
 *   tabular: false,
 * });
 */
export interface FileFormat {
  /** The name used in `from.format(name, ...)` and `to.format(name, ...)`: letters, digits, `-` and `_`. */
  readonly name: string;
  /** Reads a file's bytes; `options` are the loader's options besides target and path. */
  readonly load?: (bytes: Uint8Array, options: Record<string, unknown>, context: FormatContext) => unknown | Promise<unknown>;
  /** Writes a value; `options` are the saver's options besides id, dependencies, path and combine. */
  readonly save?: (
    value: unknown,
    options: Record<string, unknown>,
    context: FormatContext,
  ) => Uint8Array | string | Promise<Uint8Array | string>;
  /**
   * True (the default) when the format saves tables: a saver's dependencies are combined into an
   * arquero table. False: one dependency is saved as its value, several as a record by name.
   */
  readonly tabular?: boolean;
  /** The options the format takes, so a misspelt one is reported when the graph is built; absent: any. */
  readonly options?: readonly string[];
}

const formats = new Map<string, FileFormat>();
const NAME = /^[A-Za-z][\w-]*$/;

/**
 * Adds a file format for loaders and savers (`from.format(name, ...)`, `to.format(name, ...)` and the
 * decorators). Registering a name again replaces that format, built-in ones included.
 */
export function registerFormat(format: FileFormat): void {
  const problem = formatProblem(format);
  if (problem) throw new HamiltonError(`registerFormat: ${problem}`);
  formats.set(format.name, Object.freeze({ ...format }));
}

/** The format registered under `name`, or undefined. */
export function formatNamed(name: string): FileFormat | undefined {
  return formats.get(name);
}

/** The names of every registered format, for messages. */
export function formatNames(): string[] {
  return [...formats.keys()];
}

/** Why `name` cannot be used for `role`, or undefined when it can. */
export function unusableFormat(name: unknown, role: 'load' | 'save'): string | undefined {
  const format = typeof name === 'string' ? formats.get(name) : undefined;
  if (!format)
    return `unknown format ${JSON.stringify(name)}; the formats are ${formatNames().join(', ')}, and registerFormat({ name, load, save }) adds one`;
  if (!format[role]) return `the format "${format.name}" cannot ${role} (it has no ${role} function); give it one with registerFormat`;
  return undefined;
}

/** The format for a load or save that was checked when the graph was built (it may have been replaced since). */
export function formatFor(name: string, role: 'load' | 'save', where: MaterializerErrorDetails): FileFormat {
  const problem = unusableFormat(name, role);
  if (problem) throw new MaterializerError(where, problem);
  return formats.get(name)!;
}

function formatProblem(format: unknown): string | undefined {
  if (format === null || typeof format !== 'object') return `give a format object { name, load?, save? }, not ${String(format)}`;
  const { name, load, save, tabular, options } = format as Record<string, unknown>;
  if (typeof name !== 'string' || !NAME.test(name))
    return `name ${JSON.stringify(name)} is not a format name; use letters, digits, "-" and "_", starting with a letter`;
  if (name === 'sql') return 'the name "sql" belongs to from.sql and to.sql; choose another';
  if (load === undefined && save === undefined) return `format "${name}" has neither load nor save; give at least one`;
  if (load !== undefined && typeof load !== 'function') return `format "${name}": load is not a function`;
  if (save !== undefined && typeof save !== 'function') return `format "${name}": save is not a function`;
  if (tabular !== undefined && typeof tabular !== 'boolean') return `format "${name}": tabular must be true or false`;
  if (options !== undefined && !(Array.isArray(options) && options.every((o) => typeof o === 'string')))
    return `format "${name}": options must be a list of option names`;
  return undefined;
}
