// Loaders and savers of files: the format named, the path (fixed or from a node), the format's options.
import type { IoContext, LoaderSpec, LoadFromSpec, SaveMetadata, SaverSpec, SaveToSpec } from '@hamilton-ts/core';
import type { ResultBuilder } from '@hamilton-ts/result-builders';
import { combineValues, shapeOf } from './combine.js';
import { MaterializerError, reason } from './errors.js';
import { readInput, writeAtomically } from './files.js';
import { type FileFormat, formatFor, formatNamed, unusableFormat } from './format-registry.js';
import {
  combineProblem,
  defined,
  dependenciesProblem,
  fixedValue,
  isSource,
  requirePath,
  stringOptionProblem,
  unknownOptionProblems,
} from './option-checks.js';

/** Options of every file loader: where the file is, plus the format's own options. */
export interface FileLoadOptions {
  /** The file: a path (relative to the working directory), `value(path)` or `source('node')`. */
  readonly path: unknown;
  readonly [option: string]: unknown;
}

/** Options of every file saver: where to write, how to combine the dependencies, the format's own options. */
export interface FileSaveOptions {
  readonly path: unknown;
  /** Combines the dependencies into the value written; default an arquero table (tabular formats). */
  readonly combine?: ResultBuilder<unknown>;
  readonly [option: string]: unknown;
}

/** A loader of `format` without its target: what `from.*` and `@loadFrom.*` share. */
export function fileLoad(format: string, options: FileLoadOptions): Omit<LoaderSpec, 'role' | 'target'> {
  const { path, ...formatOptions } = options;
  return {
    format,
    options: { path, ...formatOptions },
    doc: `Loads ${pathText(path)} (${format}).`,
    problems: () => {
      const problems = [forPath(unusableFormat(format, 'load'), path), stringOptionProblem(options, 'path', "'data/in.csv'")];
      return [...defined(problems), ...unknownOptionProblems(Object.keys(formatOptions), formatNamed(format)?.options, format)];
    },
    load: (resolved, context) => loadFile(format, resolved, context),
  };
}

/** A saver of `format` without its id and dependencies: what `to.*` and `@saveTo.*` share. */
export function fileSave(format: string, options: FileSaveOptions): Omit<SaverSpec, 'role' | 'id' | 'dependencies'> {
  const { path, combine, ...formatOptions } = options;
  return {
    format,
    options: { path, ...formatOptions },
    doc: `Saves to ${pathText(path)} (${format}).`,
    problems: () => {
      const problems = [
        forPath(unusableFormat(format, 'save'), path),
        stringOptionProblem(options, 'path', "'out/scores.parquet'"),
        combineProblem(combine),
      ];
      return [...defined(problems), ...unknownOptionProblems(Object.keys(formatOptions), formatNamed(format)?.options, format)];
    },
    save: (values, resolved, context) => saveFile(format, values, resolved, combine, context),
  };
}

/** `from.<format>({ target, path, ... })`. */
export function fileLoader(format: string, options: FileLoadOptions & { readonly target: string }): LoaderSpec {
  const { target, ...rest } = options ?? ({} as typeof options);
  return { ...fileLoad(format, rest as FileLoadOptions), role: 'loader', target };
}

/** `to.<format>({ id, dependencies, path, ... })`. */
export function fileSaver(
  format: string,
  options: FileSaveOptions & { readonly id: string; readonly dependencies: readonly string[] },
): SaverSpec {
  const { id, dependencies, ...rest } = options ?? ({} as typeof options);
  const spec = fileSave(format, rest as FileSaveOptions);
  return {
    ...spec,
    role: 'saver',
    id,
    dependencies,
    problems: () => [...spec.problems(), ...defined([dependenciesProblem(dependencies)])],
  };
}

/** `@loadFrom.<format>({ path, inject, ... })`. */
export function fileLoadFrom(format: string, options: FileLoadOptions & { readonly inject?: string }): LoadFromSpec {
  const { inject, ...rest } = options ?? ({} as typeof options);
  return { ...fileLoad(format, rest as FileLoadOptions), ...(inject === undefined ? {} : { inject }) };
}

/** `@saveTo.<format>({ path, id, ... })`. */
export function fileSaveTo(format: string, options: FileSaveOptions & { readonly id?: string }): SaveToSpec {
  const { id, ...rest } = options ?? ({} as typeof options);
  return { ...fileSave(format, rest as FileSaveOptions), ...(id === undefined ? {} : { id }) };
}

async function loadFile(formatName: string, resolved: Record<string, unknown>, context: IoContext): Promise<unknown> {
  const { path: given, ...options } = resolved;
  const where = { node: context.node, format: formatName, path: String(given) };
  const path = requirePath(given, where);
  const format = formatFor(formatName, 'load', where);
  const bytes = readInput(path, where);
  let value: unknown;
  try {
    value = await format.load!(bytes, options, { node: context.node, path });
  } catch (error) {
    throw asMaterializerError(error, where, 'cannot be read as');
  }
  context.reportLoad?.({ path, ...shapeOf(value), bytes: bytes.byteLength });
  return value;
}

async function saveFile(
  formatName: string,
  values: Record<string, unknown>,
  resolved: Record<string, unknown>,
  combine: ResultBuilder<unknown> | undefined,
  context: IoContext,
): Promise<SaveMetadata> {
  const started = performance.now();
  const { path: given, ...options } = resolved;
  const where = { node: context.node, format: formatName, path: String(given) };
  const path = requirePath(given, where);
  const format: FileFormat = formatFor(formatName, 'save', where);
  let value: unknown;
  let bytes: Uint8Array | string;
  try {
    value = await combineValues(values, combine, format.tabular ?? true);
    bytes = await format.save!(value, options, { node: context.node, path });
  } catch (error) {
    throw asMaterializerError(error, where, 'cannot be written as');
  }
  const written = writeAtomically(path, bytes, where);
  return { path, format: formatName, ...shapeOf(value), bytes: written, ms: performance.now() - started };
}

function asMaterializerError(error: unknown, where: { node: string; format: string; path: string }, verb: string): MaterializerError {
  if (error instanceof MaterializerError) return error;
  return new MaterializerError(where, `${verb} ${where.format}: ${reason(error)}`, error);
}

function pathText(path: unknown): string {
  return isSource(path) ? `the path in node "${(path as { name: string }).name}"` : String(fixedValue(path));
}

/** A format problem with the file it concerns. */
function forPath(problem: string | undefined, path: unknown): string | undefined {
  return problem === undefined ? undefined : `${pathText(path)}: ${problem}`;
}
