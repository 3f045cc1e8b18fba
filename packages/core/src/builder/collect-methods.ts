import { describeValue, messages, mutateMessages } from '../errors/messages.js';
import { decoratedMethodsOf, type MethodRecord } from '../metadata/method-record.js';

/**
 * What the Driver accepts as modules: a decorated class (constructed with `new C()`), an instance of
 * one (its own `this` is kept, e.g. a Nest provider), or an array of these.
 */
export type HamiltonModule = (abstract new (...args: never[]) => object) | object | readonly HamiltonModule[];

/** One decorated method of one module, ready to become nodes (or, with `record.mutations`, steps after other nodes). */
export interface MethodSource {
  readonly instance: object;
  readonly className: string;
  readonly method: string;
  readonly fn: Function;
  /** The prototype the decorators ran on, where `design:*` metadata lives. */
  readonly prototype: object;
  readonly record: MethodRecord;
  /** True when the module was given as an instance rather than a class. */
  readonly fromInstance: boolean;
  /** Position of the module in the list given, so later modules can override earlier ones. */
  readonly moduleIndex: number;
}

/** Flattens modules and lists their `@node` methods; reports values that are not modules. */
export function collectMethods(modules: HamiltonModule, report: (message: string) => void): MethodSource[] {
  const flat = flatten(modules);
  const sources: MethodSource[] = [];
  flat.forEach((module, moduleIndex) => {
    const instance = instantiate(module, moduleIndex, report);
    if (!instance) return;
    const className = instance.constructor?.name || 'anonymous';
    const decorated = decoratedMethodsOf(Object.getPrototypeOf(instance));
    // A modifier without @node would otherwise drop the method silently (e.g. a subclass override with only @tag).
    for (const { method, record } of decorated)
      if (!record.isNode && !record.excluded && !record.mutations)
        report(messages.decoratorWithoutNode(`${className}.${method}`, decoratorNames(record)));
      else if (record.isNode && record.mutations && !record.excluded) report(mutateMessages.onNode(`${className}.${method}`));
    // Mutators are kept beside nodes: the graph builder turns them into steps after the targets' own nodes.
    const methods = decorated.filter((m) => (m.record.isNode && !m.record.excluded) || m.record.mutations);
    if (methods.length === 0 && !decorated.some((m) => m.record.excluded)) report(messages.noNodes(className));
    for (const { method, record, owner } of methods) {
      const fn = (instance as Record<string, unknown>)[method];
      if (typeof fn !== 'function') {
        report(`${className}.${method}: @node is on something that is not a method`);
        continue;
      }
      sources.push({ instance, className, method, fn, prototype: owner, record, moduleIndex, fromInstance: typeof module !== 'function' });
    }
  });
  return sources;
}

function decoratorNames(record: MethodRecord): string[] {
  return [...new Set([...(record.dependsOn ? ['dependsOn'] : []), ...record.modifiers.map((m) => m.kind)])];
}

function flatten(modules: HamiltonModule): unknown[] {
  return Array.isArray(modules) ? modules.flatMap((m) => flatten(m)) : [modules];
}

function instantiate(module: unknown, index: number, report: (message: string) => void): object | undefined {
  if (typeof module === 'function') {
    try {
      return new (module as new () => object)();
    } catch (error) {
      report(
        `module #${index} (${module.name}) cannot be constructed with new ${module.name}(): ${(error as Error).message}; pass an instance instead`,
      );
      return undefined;
    }
  }
  if (module !== null && typeof module === 'object') return module;
  report(messages.notAModule(index, describeValue(module)));
  return undefined;
}
