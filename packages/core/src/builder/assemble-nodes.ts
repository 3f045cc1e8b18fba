import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { collectMutations, reportUnappliedMutations } from '../modifiers/mutations.js';
import type { MethodSource } from './collect-methods.js';
import { methodToNodes } from './method-to-nodes.js';

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
  const nodes = new Map<string, NodeDef>();
  // Which method made each kept node, for clash messages: indexed on the first clash only (from
  // each method and what it made), so the common path keeps no second map of every name.
  const makers: MethodSource[] = [];
  const made: Array<readonly NodeDef[]> = [];
  let makerOf: Map<string, MethodSource> | undefined;
  const keep = (node: NodeDef, source: MethodSource): void => {
    nodes.set(node.name, node);
    makerOf?.set(node.name, source);
  };
  const mutations = collectMutations(sources, config, report);
  // Most graphs have no mutator: their plain methods then skip the lookup on the hot path.
  const targeted = mutations.size ? mutations : undefined;
  for (const source of sources) {
    if (source.record.mutations) continue;
    const own = methodToNodes(source, config, report, targeted);
    makers.push(source);
    made.push(own);
    for (let i = 0; i < own.length; i++) {
      const node = own[i];
      const earlier = nodes.get(node.name);
      if (!earlier) {
        keep(node, source);
        continue;
      }
      makerOf ??= indexMakers(nodes, makers, made);
      const maker = makerOf.get(node.name)!;
      if (maker.moduleIndex === source.moduleIndex)
        report(messages.duplicateInModule(node.name, describeOrigin(maker, earlier), describeOrigin(source, node)), node.name);
      else if (!allowModuleOverrides)
        report(messages.duplicateNode(node.name, describeOrigin(maker, earlier), describeOrigin(source, node)), node.name);
      else keep(node, source);
    }
  }
  if (targeted) reportUnappliedMutations(mutations, nodes.keys(), report);
  return nodes;
}

/** Kept node name → the method that made it. */
function indexMakers(
  nodes: ReadonlyMap<string, NodeDef>,
  makers: readonly MethodSource[],
  made: ReadonlyArray<readonly NodeDef[]>,
): Map<string, MethodSource> {
  const makerOf = new Map<string, MethodSource>();
  for (let k = 0; k < makers.length; k++) for (const node of made[k]) if (nodes.get(node.name) === node) makerOf.set(node.name, makers[k]);
  return makerOf;
}

/** `Class.method`, plus the modifier when one derived the node: a clash with an output is then easy to place. */
function describeOrigin(source: MethodSource, node: NodeDef): string {
  const where = `${source.className}.${source.method}`;
  return node.origin?.modifier ? `${where} (an output of @${node.origin.modifier})` : where;
}
