// --config values in the types the graph declares, as --inputs get them. JSON has no typed arrays,
// Dates or bigints, and a config value of the wrong type fails the very build that would tell its
// type. So the config is tried as given (the usual case, one build); when the build fails on config
// values, a build without them reads the types their parameters declare, and the graph is built
// again with those values converted. A key that only config.when reads declares no type and never
// fails a build: it stays as given.
import { type Driver, GraphBuildError, type Variable } from '@hamilton-ts/core';
import { CommandError } from '../command.js';
import { coerceValue, conversionHint } from './coerce-inputs.js';

/** Builds a driver from a config. */
export type BuildDriver = (config: Readonly<Record<string, unknown>>) => Driver<unknown>;

/**
 * The driver `build` makes from `config`, its values converted where the graph declares a typed
 * array, a Date or a bigint for them (`probe` builds the driver that reads the types: no adapters).
 * A value that does not convert is a CommandError naming the key, the value, the type and what to
 * give; every other build problem is the build's own GraphBuildError.
 *
 * @example
 * buildWithTypedConfig((c) => new Driver(c, Features), (c) => new Driver(c, Features), { start: '2024-01-01' }, 'hamilton-ts list');
 * // a driver whose config start is the Date 2024-01-01, when a node takes start: Date
 */
export function buildWithTypedConfig(
  build: BuildDriver,
  probe: BuildDriver,
  config: Readonly<Record<string, unknown>>,
  prefix: string,
): Driver<unknown> {
  let failure: GraphBuildError;
  try {
    return build(config);
  } catch (error) {
    if (!(error instanceof GraphBuildError)) throw error;
    failure = error;
  }
  // In the order the config gives them, so messages follow what the user wrote.
  const failed = new Set(failure.problems.map((p) => p.node));
  const keys = Object.keys(config).filter((key) => failed.has(key));
  const declared = keys.length > 0 ? declaredTypes(probe, config, keys) : undefined;
  if (!declared) throw failure;
  const converted: Record<string, unknown> = { ...config };
  const problems: string[] = [];
  for (const key of keys) {
    const variable = declared.get(key);
    const hint = variable && conversionHint(variable.type);
    // Not a type the command line converts: the build's own message says what is wrong.
    if (!variable || !hint) continue;
    const value = coerceValue(config[key], variable.type);
    if (value === config[key]) problems.push(`--config "${key}" is ${shown(config[key])}, ${typedBy(variable, declared)}; give ${hint}`);
    else converted[key] = value;
  }
  if (problems.length === 0 && keys.every((key) => converted[key] === config[key])) throw failure;
  if (problems.length === 1) throw new CommandError(`${prefix}: ${problems[0]}`);
  if (problems.length > 1)
    throw new CommandError(
      `${prefix}: ${problems.length} --config values do not convert to the types the graph declares:\n  ${problems.join('\n  ')}`,
    );
  return build(converted);
}

/** Each key's node in a build without those keys (an input typed by its consumers, or the node a key replaces); undefined when that build fails too. */
function declaredTypes(
  probe: BuildDriver,
  config: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Map<string, Variable> | undefined {
  const without = Object.fromEntries(Object.entries(config).filter(([key]) => !keys.includes(key)));
  let variables: Variable[];
  try {
    variables = probe(without).listAvailableVariables();
  } catch {
    return undefined;
  }
  return new Map(variables.map((v) => [v.name, v]));
}

/** Which nodes take the value and as what: `which does not convert to Date, the type startDay takes it as`. */
function typedBy(variable: Variable, graph: ReadonlyMap<string, Variable>): string {
  const type = variable.type.name;
  if (!variable.isExternalInput) return `which does not convert to ${type}, the type of the node it replaces`;
  const consumers = [...graph.values()]
    .filter((v) => v.requiredDependencies.includes(variable.name) || v.optionalDependencies.includes(variable.name))
    .map((v) => v.name);
  return `which does not convert to ${type}, the type ${consumers.join(', ')} take${consumers.length === 1 ? 's' : ''} it as`;
}

/** The value as JSON, cut so a long array does not flood the message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
