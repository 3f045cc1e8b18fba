// The DOT text of a stored run's graph. The server has no pipeline code, only the planned nodes, so it
// hands them to core's writeDot as plain nodes and edges: both pictures of a pipeline look alike.
import { type DotNode, writeDot } from '@hamilton-ts/core';
import type { PlannedNode } from '../store/records.js';

/** The id of node `index`'s group in the SVG, which the page uses to colour it (names are never ids). */
export const pictureNodeId = (index: number): string => `hn${index}`;

/** Types that say nothing, left off the label as core does. */
const UNINFORMATIVE_TYPES = new Set(['', 'Object', 'any', 'unknown']);

/**
 * Graphviz DOT for `nodes`: every node is drawn, with one edge per distinct dependency that is drawn too;
 * each node's group carries the id `pictureNodeId(index)` of its position in `nodes`.
 */
export function runDot(nodes: readonly PlannedNode[], outputs: readonly string[]): string {
  const drawn = new Set(nodes.map((n) => n.name));
  const wanted = new Set(outputs);
  const dotNodes = nodes.map(
    (node, index): DotNode => ({
      name: node.name,
      id: pictureNodeId(index),
      label: UNINFORMATIVE_TYPES.has(node.type) ? node.name : `${node.name}\n${node.type}`,
      role: node.isInput ? 'input' : wanted.has(node.name) ? 'output' : 'computed',
    }),
  );
  const edges: [string, string][] = [];
  for (const node of nodes)
    for (const dependency of new Set(node.dependencies)) if (drawn.has(dependency)) edges.push([dependency, node.name]);
  return writeDot(dotNodes, edges);
}
