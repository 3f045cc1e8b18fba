import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import type { MethodSource } from './collect-methods.js';
import { methodToNodes } from './method-to-nodes.js';

interface Produced {
  readonly node: NodeDef;
  readonly where: string;
  readonly moduleIndex: number;
}

/**
 * Turns every method into nodes and keeps one node per name: a name produced twice in one module
 * is an error; across modules it is an error unless overrides are allowed, in which case the later
 * module wins.
 */
export function assembleNodes(
  sources: readonly MethodSource[],
  config: Readonly<Record<string, unknown>>,
  allowModuleOverrides: boolean,
  report: (message: string, node?: string) => void,
): Map<string, NodeDef> {
  const produced = new Map<string, Produced>();
  for (const source of sources) {
    const where = `${source.className}.${source.method}`;
    for (const node of methodToNodes(source, config, report)) {
      const earlier = produced.get(node.name);
      if (earlier && earlier.moduleIndex === source.moduleIndex)
        report(messages.duplicateInModule(node.name, earlier.where, where), node.name);
      else if (earlier && !allowModuleOverrides) report(messages.duplicateNode(node.name, earlier.where, where), node.name);
      else produced.set(node.name, { node, where, moduleIndex: source.moduleIndex });
    }
  }
  const nodes = new Map<string, NodeDef>();
  for (const [name, { node }] of produced) nodes.set(name, node);
  return nodes;
}
