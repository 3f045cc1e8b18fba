// Checks of what a loader or saver was given, reported when the graph is built (with every other problem).
import { SourceBinding, ValueBinding } from '@hamilton-ts/core';
import { MaterializerError, type MaterializerErrorDetails } from './errors.js';

/** True for a `source(...)` binding: its value is only known when the graph runs. */
export function isSource(option: unknown): boolean {
  return option instanceof SourceBinding;
}

/** A fixed option's value (`value(x)` unwrapped); undefined for a source. */
export function fixedValue(option: unknown): unknown {
  if (option instanceof ValueBinding) return option.value;
  return isSource(option) ? undefined : option;
}

/** A required string option (a path, a query): given as a string, `value('...')` or `source('node')`. */
export function stringOptionProblem(options: Readonly<Record<string, unknown>>, key: string, example: string): string | undefined {
  const option = options[key];
  if (isSource(option)) return undefined;
  const fixed = fixedValue(option);
  if (typeof fixed === 'string' && fixed !== '') return undefined;
  return `${key} is ${describe(fixed)}; give a non-empty string, value(...) or source('node'), e.g. ${key}: ${example}`;
}

/** Options the format does not take, e.g. a misspelt `delimeter`. */
export function unknownOptionProblems(given: readonly string[], known: readonly string[] | undefined, format: string): string[] {
  if (!known) return [];
  return given
    .filter((key) => !known.includes(key))
    .map((key) => `${format} has no option "${key}"; its options are ${known.length ? known.join(', ') : 'none besides the path'}`);
}

/** A saver's `dependencies`: a non-empty list of node names. */
export function dependenciesProblem(dependencies: unknown): string | undefined {
  if (Array.isArray(dependencies) && dependencies.length > 0 && dependencies.every((d) => typeof d === 'string' && d !== ''))
    return undefined;
  return `dependencies is ${describe(dependencies)}; give the names of the nodes to save, e.g. dependencies: ['score', 'region']`;
}

/** A `combine` option: absent, or a result builder. */
export function combineProblem(combine: unknown): string | undefined {
  if (
    combine === undefined ||
    (typeof combine === 'object' && combine !== null && typeof (combine as { buildResult?: unknown }).buildResult === 'function')
  )
    return undefined;
  return `combine is ${describe(combine)}; give a result builder such as new DictResult() (one with a buildResult method)`;
}

/** A value in a message: strings quoted, the rest by kind. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value === null || typeof value !== 'object') return String(value);
  return `an object (${value.constructor?.name ?? 'Object'})`;
}

/** The problems found, the checks that passed (undefined) left out. */
export function defined(items: ReadonlyArray<string | undefined>): string[] {
  return items.filter((item) => item !== undefined);
}

/** A resolved path option as a string, or a MaterializerError: a `source(...)` may give anything. */
export function requirePath(path: unknown, where: MaterializerErrorDetails): string {
  if (typeof path === 'string' && path !== '') return path;
  throw new MaterializerError(where, `the path is ${describe(path)}; the path's source must give a string`);
}
