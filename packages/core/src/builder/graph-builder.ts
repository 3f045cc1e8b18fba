import { type BuildProblem, GraphBuildError } from '../errors/graph-build-error.js';
import { messages } from '../errors/messages.js';
import { findCycles } from '../graph/find-cycles.js';
import { graphView } from '../graph/graph-view.js';
import type { Graph, NodeDef } from '../graph/types.js';
import { toVariable } from '../graph/variable.js';
import { type HookSet, isThenable } from '../lifecycle/hook-set.js';
import type { Materializer } from '../materialize/io-spec.js';
import { withSubdagTemplates } from '../modifiers/subdag-template.js';
import { addExternalNodes } from './add-external-nodes.js';
import { addMaterializers } from './add-materializers.js';
import { assembleNodes } from './assemble-nodes.js';
import { checkEdgeTypes } from './check-edge-types.js';
import { collectMethods, type HamiltonModule } from './collect-methods.js';
import { findBlocks } from './find-blocks.js';
import { hasCycle } from './has-cycle.js';

/** What the graph builder needs besides modules and config. */
export interface BuildOptions {
  readonly allowModuleOverrides?: boolean;
  readonly hooks: HookSet;
  /** Loaders and savers of `dr.materialize`, added as nodes beside the modules' own. */
  readonly materializers?: readonly Materializer[];
}

/**
 * Builds the graph in one pass and reports every problem together in one `GraphBuildError`:
 * module and decorator misuse, duplicate names, edge type mismatches, conflicting input types,
 * cycles (with their whole path), and adapters' `validateNode` / `validateGraph` verdicts.
 */
export function buildGraph(modules: HamiltonModule, config: Readonly<Record<string, unknown>>, options: BuildOptions): Graph {
  return withSubdagTemplates(() => constructGraph(modules, config, options));
}

function constructGraph(modules: HamiltonModule, config: Readonly<Record<string, unknown>>, options: BuildOptions): Graph {
  const problems: BuildProblem[] = [];
  const report = (message: string, node?: string) => void problems.push(node === undefined ? { message } : { node, message });
  const sources = collectMethods(modules, report);
  const nodes = assembleNodes(sources, config, options.allowModuleOverrides ?? false, report);
  if (options.materializers) addMaterializers(nodes, options.materializers, report);
  addExternalNodes(nodes, config, report);
  checkEdgeTypes(nodes, options.hooks, report);
  const cyclic = hasCycle(nodes);
  if (cyclic) for (const path of findCycles(dependencyMap(nodes))) report(messages.cycle(path), path[0]);
  const blocks = cyclic ? undefined : findBlocks(nodes, report);
  const graph: Graph = blocks ? { nodes, config, blocks } : { nodes, config };
  runValidationHooks(graph, options.hooks, report);
  if (problems.length) throw new GraphBuildError(problems);
  return graph;
}

/** node → names it depends on. */
export function dependencyMap(nodes: ReadonlyMap<string, NodeDef>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const node of nodes.values())
    map.set(
      node.name,
      node.deps.map((d) => d.name),
    );
  return map;
}

function runValidationHooks(graph: Graph, hooks: HookSet, report: (message: string, node?: string) => void): void {
  for (const hook of hooks.get('validateNode'))
    for (const node of graph.nodes.values()) {
      const verdict: unknown = hook.call({ node: toVariable(node) });
      if (verdict !== true) report(rejection('validateNode', hook.adapter, `node "${node.name}"`, verdict), node.name);
    }
  for (const hook of hooks.get('validateGraph')) {
    const verdict: unknown = hook.call({ graph: graphView(graph), config: graph.config });
    if (verdict !== true) report(rejection('validateGraph', hook.adapter, 'the graph', verdict));
  }
}

/** A promise cannot be awaited here (the Driver constructor is synchronous), so it is a mistake, not a reason. */
function rejection(hook: string, adapter: string, what: string, verdict: unknown): string {
  return isThenable(verdict) ? messages.asyncVerdict(hook, adapter) : messages.adapterRejected(hook, adapter, what, String(verdict));
}
