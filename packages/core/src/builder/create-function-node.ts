import { messages } from '../errors/messages.js';
import { NO_TAGS } from '../graph/no-tags.js';
import type { Dependency, NodeDef, TypeRef } from '../graph/types.js';
import { readParameters } from '../introspect/parameter-names.js';
import type { MethodSource } from './collect-methods.js';
import { designTypes } from './design-types.js';

/** Node name for a method: `@node({ name })`, else the method name with a trailing `__suffix` removed. */
export function nodeNameOf(source: MethodSource): string {
  if (source.record.options.name !== undefined) return source.record.options.name;
  const cut = source.method.lastIndexOf('__');
  return cut > 0 ? source.method.slice(0, cut) : source.method;
}

/** Turns one decorated method into its base node (before expansions and transforms). */
export function createFunctionNode(source: MethodSource, where: string, report: (message: string) => void): NodeDef | undefined {
  const name = nodeNameOf(source);
  if (source.record.options.name === undefined && source.method.endsWith('__')) {
    report(messages.emptyVariantSuffix(where, source.method));
    return undefined;
  }
  if (!name || name.endsWith('__')) {
    report(messages.badNodeName(where, name));
    return undefined;
  }
  const design = designTypes(source);
  const deps = dependenciesOf(source, design.params ?? NO_TYPES, where, report);
  if (!deps) return undefined;
  const { fn, instance } = source;
  return {
    name,
    kind: 'function',
    deps,
    call: (args) => fn.apply(instance, args),
    // A promise resolves to something else: without `@node({ returns })` its type is unknown.
    returnType: source.record.options.returns ?? (design.returns === Promise ? undefined : design.returns),
    tags: NO_TAGS,
    doc: source.record.options.doc ?? '',
    origin: { className: source.className, method: source.method, fromInstance: source.fromInstance, code: source },
  };
}

const NO_TYPES: readonly TypeRef[] = [];

function dependenciesOf(
  source: MethodSource,
  types: readonly TypeRef[],
  where: string,
  report: (message: string) => void,
): Dependency[] | undefined {
  const reading = readParameters(source.fn);
  const explicit = source.record.dependsOn;
  if (!explicit) {
    if (!reading.ok) return void report(messages.unreadableParams(where, `its parameter names cannot be read: ${reading.reason}`));
    return reading.params.map((p, i) => ({ name: p.name, param: p.name, type: types[i], optional: p.hasDefault }));
  }
  const arity = reading.ok ? reading.params.length : Math.max(source.fn.length, types.length);
  if (explicit.length !== arity && (reading.ok || explicit.length < arity))
    return void report(messages.dependsOnArity(where, explicit.length, arity));
  return explicit.map((name, i) => ({
    name,
    param: reading.ok ? reading.params[i].name : name,
    type: types[i],
    optional: reading.ok ? reading.params[i].hasDefault : i >= source.fn.length,
  }));
}
