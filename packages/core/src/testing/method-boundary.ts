import type { Dependency, Graph, NodeDef } from '../graph/types.js';
import { unknownNodeError } from '../graph/unknown-nodes.js';

/** A dependency whose value comes from outside the tested node's method. */
export interface BoundaryEdge {
  /** The node of the method that reads the value. */
  readonly consumer: NodeDef;
  readonly dep: Dependency;
  /** The node the value would otherwise come from: another method's node, an external input or config. */
  readonly upstream: NodeDef;
}

/** The computed node `name`: inputs and config are not nodes one can test, so they are unknown here too. */
export function testableNode(graph: Graph, name: string): NodeDef {
  const target = graph.nodes.get(name);
  if (target?.kind !== 'function') throw unknownNodeError(graph, [name], 'node');
  return target;
}

/**
 * Walks up from `target` through the nodes its own method made (by modifiers) and returns every
 * dependency that crosses the method's boundary, once per consumer, in walk order. A name for
 * which `given` is true is a boundary too: the walk stops there, since that value replaces the node.
 */
export function boundaryEdges(graph: Graph, target: NodeDef, given: (name: string) => boolean): BoundaryEdge[] {
  const edges: BoundaryEdge[] = [];
  const seen = new Set<string>();
  const stack = [target];
  while (stack.length) {
    const consumer = stack.pop()!;
    for (const dep of consumer.deps) {
      const key = `${consumer.name}\u0000${dep.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const upstream = graph.nodes.get(dep.name)!;
      if (!given(dep.name) && upstream.kind === 'function' && sameMethod(upstream, target)) stack.push(upstream);
      else edges.push({ consumer, dep, upstream });
    }
  }
  return edges;
}

function sameMethod(a: NodeDef, b: NodeDef): boolean {
  return a.origin?.className === b.origin?.className && a.origin?.method === b.origin?.method;
}
