import 'reflect-metadata';
import { messages } from '../errors/messages.js';
import type { Dependency, NodeDef, TypeRef } from '../graph/types.js';
import { readParameters } from '../introspect/parameter-names.js';
import type { MethodSource } from './collect-methods.js';

/** Shared by every node without tags (most of them): one object less per node in large graphs. Modifiers copy, never mutate. */
const NO_TAGS: Readonly<Record<string, never>> = Object.freeze({});

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
  const deps = dependenciesOf(source, where, report);
  if (!deps) return undefined;
  const { fn, instance } = source;
  return {
    name,
    kind: 'function',
    deps,
    call: (args) => fn.apply(instance, args),
    returnType: source.record.options.returns ?? reflectedReturnType(source),
    tags: NO_TAGS,
    doc: source.record.options.doc ?? '',
    origin: { className: source.className, method: source.method, fromInstance: source.fromInstance, code: source },
  };
}

function dependenciesOf(source: MethodSource, where: string, report: (message: string) => void): Dependency[] | undefined {
  const types: TypeRef[] = designMetadata('design:paramtypes', source) ?? [];
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

function reflectedReturnType(source: MethodSource): TypeRef {
  const type = designMetadata('design:returntype', source);
  return type === Promise ? undefined : type;
}

/** `design:*` metadata of the method: its own prototype first (one lookup), the prototype chain only if absent. */
// biome-ignore lint/suspicious/noExplicitAny: metadata values are typed by the caller's key (Function or Function[]).
function designMetadata(key: string, source: MethodSource): any {
  return Reflect.getOwnMetadata(key, source.prototype, source.method) ?? Reflect.getMetadata(key, source.prototype, source.method);
}
