import { derivedOrigin } from '../graph/derived-origin.js';
import type { NodeDef, NodeOrigin } from '../graph/types.js';
import { renameCheckedNode } from '../validation/rename-checks.js';
import { SourceBinding, type ValueBinding } from './binding.js';

/** How the nodes of a built subdag are renamed and re-bound into the outer graph. */
export interface SubdagScope {
  /** Subdag name → outer name: `${ns}.${name}`, a bound source, or the name itself (unbound input, outer config). */
  readonly resolve: (name: string) => string;
  /** The subdag's nodes under their outer names (unbound inputs and outer config left to the outer graph). */
  readonly nodes: ReadonlyMap<string, NodeDef>;
}

/**
 * Namespaces a subdag built as its own node set (computed, config and external nodes). Computed
 * nodes go under the namespace; an external input bound by `source('n')` reads `n`, one bound by
 * `value(x)` becomes the node `${ns}.${input}`; the subdag's own config stays under the namespace;
 * unbound inputs and outer config keep their names, so the outer graph supplies them. Validator
 * nodes of `checkOutput` are told the new name of the node they check. Their origin records `modifier`.
 */
export function namespaceSubdag(
  inner: ReadonlyMap<string, NodeDef>,
  namespace: string,
  inputs: ReadonlyMap<string, ValueBinding | SourceBinding>,
  ownConfig: Readonly<Record<string, unknown>>,
  origin: NodeOrigin | undefined,
  modifier = 'subdag',
): SubdagScope {
  const prefix = `${namespace}.`;
  // An input (config or external node): read from a bound source, kept under the namespace, or left to the outer graph.
  const inputName = (name: string): string => {
    const binding = inputs.get(name);
    if (binding) return binding instanceof SourceBinding ? binding.name : prefix + name;
    return name in ownConfig ? prefix + name : name;
  };
  const resolve = (name: string): string => {
    const node = inner.get(name);
    return !node ? name : node.kind === 'function' ? prefix + name : inputName(name);
  };
  const nodes = new Map<string, NodeDef>();
  const marked = origin && derivedOrigin(origin, modifier);
  for (const node of inner.values()) {
    if (node.kind === 'function') {
      const name = prefix + node.name;
      const deps = node.deps.map((d) => ({ ...d, name: resolve(d.name) }));
      nodes.set(name, renameCheckedNode({ ...node, name, deps, origin: marked }, resolve));
      continue;
    }
    const name = inputName(node.name);
    if (name !== prefix + node.name) continue;
    const binding = inputs.get(node.name) as ValueBinding | undefined;
    nodes.set(name, binding ? valueNode(name, binding.value, node, marked) : { ...node, name });
  }
  return { resolve, nodes };
}

/** A computed node that yields a value bound with `value(x)`. */
function valueNode(name: string, value: unknown, input: NodeDef, origin: NodeOrigin | undefined): NodeDef {
  return {
    name,
    kind: 'function',
    deps: [],
    call: () => value,
    returnType: input.returnType,
    tags: {},
    doc: `value bound to ${input.name} by @${origin?.modifier ?? 'subdag'}`,
    origin,
  };
}

/** The nodes of `scope` that `roots` need, directly or indirectly, in the order of `scope`. */
export function upstreamIn(scope: ReadonlyMap<string, NodeDef>, roots: readonly string[]): NodeDef[] {
  const needed = new Set<string>();
  const stack = roots.filter((r) => scope.has(r));
  while (stack.length) {
    const name = stack.pop()!;
    if (needed.has(name)) continue;
    needed.add(name);
    for (const dep of scope.get(name)!.deps) if (scope.has(dep.name)) stack.push(dep.name);
  }
  const nodes: NodeDef[] = [];
  for (const node of scope.values()) if (needed.has(node.name)) nodes.push(node);
  return nodes;
}
