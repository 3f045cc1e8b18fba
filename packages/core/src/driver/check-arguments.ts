import { HamiltonError } from '@hamilton-ts/result-builders';
import { cacheOptionProblems } from '../cache/cache-options.js';
import { GraphBuildError } from '../errors/graph-build-error.js';
import { type InputProblem, InputValidationError } from '../errors/input-validation-error.js';
import { argumentMessages as text } from '../errors/messages.js';

// Run-time checks of the public arguments, for JavaScript callers and values typed `any`. The
// checks of a run (outputs, options) sit on the hot path: a few typeof tests per call and one per
// output, no allocation unless something is wrong. Module values themselves are judged by the
// graph builder (collect-methods), which reports them with every other build problem.

/** A non-null object that is not an array: options bags, adapters, instances. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ ... }` or `Object.create(null)`, from any realm; not an array, a Map or a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  // The common case without a call: Object.getPrototypeOf costs more than the rest of a run's checks.
  if ((value as { constructor?: unknown }).constructor === Object) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** `config` of `new Driver` and `withConfig`: a plain object. */
export function configProblem(config: unknown, argument = 'config'): string | undefined {
  return isPlainObject(config) ? undefined : text.configNotPlain(argument, config);
}

/** `modules`: an array must hold at least one module (other values are the graph builder's to judge). */
export function modulesProblem(modules: unknown, argument = 'modules'): string | undefined {
  return Array.isArray(modules) && !holdsAModule(modules) ? text.noModules(argument, modules) : undefined;
}

/** One value where an adapter goes: an object, not a class, not a list. */
export function adapterProblem(adapter: unknown, argument: string): string | undefined {
  return isObject(adapter) ? undefined : text.badAdapter(argument, adapter);
}

/** `options` of `new Driver` / `new AsyncDriver` (`maxConcurrency` is checked where it is used). */
export function driverOptionsProblems(options: unknown): Array<string | undefined> {
  if (options === undefined) return [];
  if (!isObject(options)) return [text.notAnObject('options', options, '{ adapter }')];
  const { adapter, allowModuleOverrides, cache } = options as { adapter?: unknown; allowModuleOverrides?: unknown; cache?: unknown };
  const adapters = Array.isArray(adapter)
    ? adapter.map((a, i) => adapterProblem(a, `adapter[${i}]`))
    : [adapter === undefined ? undefined : adapterProblem(adapter, 'adapter')];
  const overrides =
    allowModuleOverrides === undefined || typeof allowModuleOverrides === 'boolean'
      ? undefined
      : text.notABoolean('allowModuleOverrides', allowModuleOverrides);
  return [...adapters, overrides, ...(cache === undefined ? [] : cacheOptionProblems(cache))];
}

/** `new Driver(config, modules, options)`: every problem of the three arguments in one `GraphBuildError`. */
export function checkDriverArguments(config: unknown, modules: unknown, options: unknown): void {
  failBuild([configProblem(config), modulesProblem(modules), ...driverOptionsProblems(options)]);
}

/**
 * `execute`, `rawExecute`, `validateExecution`, `visualizeExecution`: outputs are an array of node
 * names (`[]` asks for nothing), options an object, inputs and overrides plain objects (or absent).
 */
export function checkRunArguments(outputs: unknown, options: unknown): void {
  if (!Array.isArray(outputs)) throw new HamiltonError(text.outputsNotArray(outputs));
  for (let i = 0; i < outputs.length; i++) if (typeof outputs[i] !== 'string') throw new HamiltonError(text.outputNotString(i, outputs[i]));
  if (options === undefined) return;
  if (!isObject(options)) throw new HamiltonError(text.notAnObject('options', options, '{ inputs, overrides }'));
  const { inputs, overrides } = options as { inputs?: unknown; overrides?: unknown };
  const inputsOk = inputs === undefined || inputs === null || isPlainObject(inputs);
  const overridesOk = overrides === undefined || overrides === null || isPlainObject(overrides);
  if (inputsOk && overridesOk) return;
  const problems: InputProblem[] = [];
  if (!inputsOk) problems.push(shapeProblem('inputs', inputs, '{ spend, signups }'));
  if (!overridesOk) problems.push(shapeProblem('overrides', overrides, '{ spendUsd }'));
  throw new InputValidationError(problems);
}

/** `testNode(module, name, values, options)`; the module and config are the Driver's to check. */
export function checkTestNodeArguments(name: unknown, values: unknown, options: unknown): void {
  if (typeof name !== 'string') throw new HamiltonError(text.testNodeName(name));
  if (values !== undefined && !isPlainObject(values))
    throw new InputValidationError([shapeProblem('values', values, '{ spendUsd, signups }')]);
  if (options !== undefined && !isObject(options)) throw new HamiltonError(text.notAnObject('options', options, '{ config }'));
}

/** `listAvailableVariables(options)`: a tag filter (absent or null: none) maps tag names to a string, an array of strings or null. */
export function checkListOptions(options: unknown): void {
  if (!isObject(options)) throw new HamiltonError(text.notAnObject('options', options, "{ tagFilter: { owner: 'growth' } }"));
  const { tagFilter } = options as { tagFilter?: unknown };
  if (tagFilter === undefined || tagFilter === null) return;
  if (!isPlainObject(tagFilter)) throw new HamiltonError(text.notAPlainObject('tagFilter', tagFilter, "{ owner: 'growth' }"));
  for (const key in tagFilter) {
    const wanted = tagFilter[key];
    if (wanted !== null && typeof wanted !== 'string' && !isStringArray(wanted)) throw new HamiltonError(text.tagFilterValue(key, wanted));
  }
}

/** Node names given to the graph queries (unknown names are the queries' to report). */
export function checkNodeNames(method: string, names: readonly unknown[]): void {
  for (let i = 0; i < names.length; i++)
    if (typeof names[i] !== 'string') throw new HamiltonError(text.nodeNameNotString(method, i, names[i]));
}

/** `Builder.withModules(...modules)`: at least one module; each argument a class, an instance or an array. */
export function checkWithModules(modules: readonly unknown[]): void {
  if (modules.length === 0) failBuild([text.withModulesEmpty()]);
  failBuild(
    modules.map((module, i) => {
      const argument = `withModules argument #${i + 1}`;
      if (Array.isArray(module)) return modulesProblem(module, argument);
      return typeof module === 'function' || isObject(module) ? undefined : text.badModule(argument, module);
    }),
  );
}

/** `Builder.withConfig(config)`. */
export function checkWithConfig(config: unknown): void {
  failBuild([configProblem(config, 'the config given to withConfig')]);
}

/** `Builder.withAdapters(...adapters)`: adapter objects, one per argument. */
export function checkWithAdapters(adapters: readonly unknown[]): void {
  failBuild(
    adapters.map((adapter, i) =>
      Array.isArray(adapter) ? text.adaptersAsArray(i, adapter) : adapterProblem(adapter, `withAdapters argument #${i + 1}`),
    ),
  );
}

/** `Builder.build()` / `buildAsync(options)`: modules were given; options, when given, an object. */
export function checkBuild(method: string, modules: readonly unknown[], options?: unknown): void {
  failBuild([
    holdsAModule(modules) ? undefined : text.builderWithoutModules(method),
    options === undefined || isObject(options) ? undefined : text.notAnObject(`${method} options`, options, '{ maxConcurrency: 8 }'),
  ]);
}

/** Throws one `GraphBuildError` listing every problem found (`undefined`: no problem). */
export function failBuild(problems: ReadonlyArray<string | undefined>): void {
  const messages = problems.filter((p) => p !== undefined);
  if (messages.length) throw new GraphBuildError(messages.map((message) => ({ message })));
}

function shapeProblem(argument: string, value: unknown, example: string): InputProblem {
  return { input: argument, neededBy: [], message: text.notAPlainObject(argument, value, example) };
}

function holdsAModule(list: readonly unknown[]): boolean {
  return list.some((m) => !Array.isArray(m) || holdsAModule(m));
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
