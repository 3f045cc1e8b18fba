import { describeType, describeValue, messages } from '../errors/messages.js';
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
  for (const key of Object.keys(config))
    if (nodes.has(key)) nodes.set(key, configNode(key, config[key], nodes.get(key)!.returnType));
  const consumers = new Map<string, Array<{ consumer: string; param: string; type: TypeRef }>>();
  for (const node of nodes.values())
    for (const dep of node.deps)
      if (!nodes.has(dep.name)) {
        const list = consumers.get(dep.name) ?? [];
        list.push({ consumer: node.name, param: dep.param, type: dep.type });
        consumers.set(dep.name, list);
      }
  for (const [name, uses] of consumers) {
    let type: TypeRef | null = undefined;
    for (const use of uses) type = type === null ? null : narrowerType(type, use.type);
    if (type === null) {
      report(messages.inputTypeConflict(name, uses.map((u) => `${u.consumer}(${u.param}: ${describeType(u.type)})`)), name);
      type = undefined;
    }
    if (name in config) {
      if (!valueMatchesType(config[name], type))
        report(`config "${name}" should be ${describeType(type)} but is ${describeValue(config[name])}; ${uses.map((u) => u.consumer).join(', ')} take it`, name);
      nodes.set(name, configNode(name, config[name], type));
    } else {
      nodes.set(name, { name, kind: 'external', deps: [], returnType: type, tags: {}, doc: '' });
    }
  }
}

function configNode(name: string, value: unknown, type: TypeRef): NodeDef {
  return { name, kind: 'config', deps: [], returnType: type, tags: {}, doc: '', value };
}
