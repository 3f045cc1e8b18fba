// The DOT text of a stored run's graph. The server has no pipeline code, only the planned nodes, so it
// cannot call core's Visualizer; it draws them the way core's toDot does (left to right, rounded boxes,
// dashed inputs, bold outputs, name over type) so both pictures of a pipeline look alike.
import type { PlannedNode } from '../store/records.js';

/** DOT's quoted string: only `"` and `\` need escaping; a newline becomes DOT's line break. */
const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

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
  const lines = ['digraph hamilton {', '  rankdir=LR;', '  node [fontname="Helvetica", shape=box];'];
  nodes.forEach((node, index) => {
    const label = UNINFORMATIVE_TYPES.has(node.type) ? node.name : `${node.name}\n${node.type}`;
    const style = node.isInput ? 'dashed' : wanted.has(node.name) ? 'rounded,bold' : 'rounded';
    lines.push(`  ${quote(node.name)} [id=${quote(pictureNodeId(index))}, label=${quote(label)}, style="${style}"];`);
  });
  for (const node of nodes)
    for (const dependency of new Set(node.dependencies))
      if (drawn.has(dependency)) lines.push(`  ${quote(dependency)} -> ${quote(node.name)};`);
  lines.push('}');
  return lines.join('\n');
}
