import type { NodeRole } from './graph-picture.js';

/** One node as {@link writeDot} draws it. */
export interface DotNode {
  readonly name: string;
  /** What the box says (default: the name); a newline starts a new line. */
  readonly label?: string;
  /** Sets the shape and style: `computed` (default), `output`, `override`, `input` or `config`. */
  readonly role?: NodeRole;
  /** Fills the node with this colour over its role's style (core fills cache hits). */
  readonly fill?: string;
  /** The `id` of the node's group in the SVG graphviz makes of it, to find the node there again. */
  readonly id?: string;
}

const STYLE: Record<NodeRole, string> = {
  computed: 'shape=box, style="rounded"',
  output: 'shape=box, style="rounded,filled,bold", fillcolor="#dbeafe"',
  override: 'shape=box, style="rounded,filled,dashed", fillcolor="#e5e7eb", xlabel="override"',
  input: 'shape=box, style="dashed"',
  config: 'shape=note',
};

/** DOT's quoted string: only `"` and `\` need escaping, so no name can end the string or start an HTML label. */
const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * Graphviz DOT text of plain nodes and edges, drawn the hamilton-ts way: data flowing left to right,
 * rounded boxes, inputs dashed, outputs bold. For pictures of something other than a built graph (a
 * stored run's nodes); a Driver draws its own graph with `displayAllFunctions`.
 *
 * @example
 * writeDot([{ name: 'spend', role: 'input' }, { name: 'total', label: 'total\nnumber', role: 'output' }], [['spend', 'total']]);
 * // digraph hamilton { … "spend" [label="spend", shape=box, style="dashed"]; … "spend" -> "total"; }
 */
export function writeDot(nodes: readonly DotNode[], edges: ReadonlyArray<readonly [from: string, to: string]>): string {
  const lines = ['digraph hamilton {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const node of nodes) {
    const id = node.id === undefined ? '' : `id=${quote(node.id)}, `;
    const fill = node.fill === undefined ? '' : `, style="rounded,filled", fillcolor=${quote(node.fill)}`;
    lines.push(`  ${quote(node.name)} [${id}label=${quote(node.label ?? node.name)}, ${STYLE[node.role ?? 'computed']}${fill}];`);
  }
  for (const [from, to] of edges) lines.push(`  ${quote(from)} -> ${quote(to)};`);
  lines.push('}');
  return lines.join('\n');
}
