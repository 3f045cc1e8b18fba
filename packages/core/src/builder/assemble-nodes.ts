import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { collectMutations, reportUnappliedMutations } from '../modifiers/mutations.js';
import type { MethodSource } from './collect-methods.js';
import { methodToNodes } from './method-to-nodes.js';

/** A kept node and the method it came from; its description is only written when a clash is reported. */
interface Produced {
  readonly node: NodeDef;
  readonly source: MethodSource;
}

/**
 * Turns every method into nodes and keeps one node per name: a name produced twice in one module
 * is an error; across modules it is an error unless overrides are allowed, in which case the later
 * module wins. `@mutate` methods are not nodes: their steps join the nodes they target.
 */
export function assembleNodes(
  sources: readonly MethodSource[],
  config: Readonly<Record<string, unknown>>,
  allowModuleOverrides: boolean,
  report: (message: string, node?: string) => void,
): Map<string, NodeDef> {
  const produced = new Map<string, Produced>();
  const mutations = collectMutations(sources, config, report);
  // Most graphs have no mutator: their plain methods then skip the lookup on the hot path.
  const targeted = mutations.size ? mutations : undefined;
  for (const source of sources) {
    if (source.record.mutations) continue;
    for (const node of methodToNodes(source, config, report, targeted)) {
      const earlier = produced.get(node.name);
      if (earlier && earlier.source.moduleIndex === source.moduleIndex)
        report(
          messages.duplicateInModule(node.name, describeOrigin(earlier.source, earlier.node), describeOrigin(source, node)),
          node.name,
        );
      else if (earlier && !allowModuleOverrides)
        report(messages.duplicateNode(node.name, describeOrigin(earlier.source, earlier.node), describeOrigin(source, node)), node.name);
      else produced.set(node.name, { node, source });
    }
  }
  const nodes = new Map<string, NodeDef>();
  for (const [name, { node }] of produced) nodes.set(name, node);
  if (targeted) reportUnappliedMutations(targeted, nodes.keys(), report);
  return nodes;
}

/** `Class.method`, plus the modifier when one derived the node: a clash with an output is then easy to place. */
function describeOrigin(source: MethodSource, node: NodeDef): string {
  const where = `${source.className}.${source.method}`;
  return node.origin?.modifier ? `${where} (an output of @${node.origin.modifier})` : where;
}
