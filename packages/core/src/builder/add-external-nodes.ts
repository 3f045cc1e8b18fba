import { describeType, messages } from '../errors/messages.js';
import { narrowerType, valueMatchesType } from '../graph/type-compat.js';
import type { NodeDef, TypeRef } from '../graph/types.js';

/**
 * Completes the graph with the values fed from outside: a config key replaces a same-named node
 * and feeds any parameter of that name; every other unproduced dependency becomes an external
 * input, typed with the narrowest type its consumers ask for.
 */
export function addExternalNodes(
  nodes: Map<string, NodeDef>,
  config: Readonly<Record<string, unknown>>,
  report: (message: string, node?: string) => void,
): void {
  for (const key of Object.keys(config)) {
    const replaced = nodes.get(key);
    if (!replaced) continue;
    // The value stands in for the node, so it must be of the type the node declares to return.
    if (!valueMatchesType(config[key], replaced.returnType))
      report(messages.configType(key, describeType(replaced.returnType), config[key], []), key);
    nodes.set(key, configNode(key, config[key], replaced.returnType));
  }
  // Per unproduced name, only the narrowest type asked so far (null: two consumers conflict): an
  // input of a wide graph has 100k consumers, and they are listed again only for a message.
  const inputs = new Map<string, { type: TypeRef | null }>();
  for (const node of nodes.values()) {
    const deps = node.deps;
    for (let i = 0; i < deps.length; i++) {
      const dep = deps[i];
      if (nodes.has(dep.name)) continue;
      const input = inputs.get(dep.name);
      if (!input) inputs.set(dep.name, { type: narrowerType(undefined, dep.type) });
      else if (input.type !== null) input.type = narrowerType(input.type, dep.type);
    }
  }
  for (const [name, input] of inputs) {
    let type = input.type;
    if (type === null) {
      report(
        messages.inputTypeConflict(
          name,
          usesOf(nodes, name).map((u) => `${u.consumer}(${u.param}: ${describeType(u.type)})`),
        ),
        name,
      );
      type = undefined;
    }
    // Own keys only: a parameter named like an Object.prototype member (`valueOf`) is not config.
    if (Object.hasOwn(config, name)) {
      if (!valueMatchesType(config[name], type))
        report(messages.configType(name, describeType(type), config[name], [...new Set(usesOf(nodes, name).map((u) => u.consumer))]), name);
      nodes.set(name, configNode(name, config[name], type));
    } else {
      nodes.set(name, { name, kind: 'external', deps: [], returnType: type, tags: {}, doc: '' });
    }
  }
}

/** Every parameter that reads `name`, in graph order: for messages only. */
function usesOf(nodes: ReadonlyMap<string, NodeDef>, name: string): Array<{ consumer: string; param: string; type: TypeRef }> {
  const uses: Array<{ consumer: string; param: string; type: TypeRef }> = [];
  for (const node of nodes.values())
    for (const dep of node.deps) if (dep.name === name) uses.push({ consumer: node.name, param: dep.param, type: dep.type });
  return uses;
}

function configNode(name: string, value: unknown, type: TypeRef): NodeDef {
  return { name, kind: 'config', deps: [], returnType: type, tags: {}, doc: '', value };
}
