import type { NodeDef, TagValue } from './types.js';

/**
 * The public description of a node, as `listAvailableVariables` and lifecycle hooks see it.
 *
 * @example
 * dr.listAvailableVariables().filter((v) => v.isExternalInput).map((v) => v.name); // ['spend', 'signups']
 */
export interface Variable {
  readonly name: string;
  /** The node's type: a constructor such as `Number` or `Float64Array`; `Object` means any. */
  readonly type: Function;
  readonly tags: Readonly<Record<string, TagValue>>;
  /** True for values fed from outside: inputs and config. */
  readonly isExternalInput: boolean;
  readonly documentation: string;
  readonly requiredDependencies: readonly string[];
  readonly optionalDependencies: readonly string[];
  /** `Class.method` that defines the node, when it is computed. */
  readonly origin?: string;
}

const cache = new WeakMap<NodeDef, Variable>();

/** The `Variable` of a node (made once per node). */
export function toVariable(node: NodeDef): Variable {
  let variable = cache.get(node);
  if (!variable) {
    variable = Object.freeze({
      name: node.name,
      type: node.returnType ?? Object,
      tags: node.tags,
      isExternalInput: node.kind !== 'function',
      documentation: node.doc,
      requiredDependencies: unique(node.deps.filter((d) => !d.optional).map((d) => d.name)),
      optionalDependencies: unique(node.deps.filter((d) => d.optional).map((d) => d.name)),
      ...(node.origin ? { origin: `${node.origin.className}.${node.origin.method}` } : {}),
    });
    cache.set(node, variable);
  }
  return variable;
}

const unique = (names: string[]): string[] => [...new Set(names)];
