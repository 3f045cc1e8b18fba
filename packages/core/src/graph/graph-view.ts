import type { GraphView } from '../lifecycle/hooks.js';
import type { Graph } from './types.js';
import { toVariable } from './variable.js';

/** The read-only view of a graph handed to adapters. */
export function graphView(graph: Graph): GraphView {
  return {
    variables: [...graph.nodes.values()].map(toVariable),
    config: graph.config,
    get: (name) => {
      const node = graph.nodes.get(name);
      return node && toVariable(node);
    },
    originOf: (name) => {
      const origin = graph.nodes.get(name)?.origin;
      return origin && { className: origin.className, method: origin.method, fromInstance: origin.fromInstance === true };
    },
  };
}
