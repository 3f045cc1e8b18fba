import { cacheStatusOf, type GraphPicture, HIT_FILL, labelOf, type NodeRole, type PictureOptions } from './graph-picture.js';

const STYLE: Record<NodeRole, string> = {
  computed: 'shape=box, style="rounded"',
  output: 'shape=box, style="rounded,filled,bold", fillcolor="#dbeafe"',
  override: 'shape=box, style="rounded,filled,dashed", fillcolor="#e5e7eb", xlabel="override"',
  input: 'shape=box, style="dashed"',
  config: 'shape=note',
};

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** Renders a picture as Graphviz DOT text (data flows left to right). */
export function toDot(picture: GraphPicture, options: PictureOptions = {}): string {
  const lines = ['digraph hamilton {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const p of picture.nodes) {
    const hit = cacheStatusOf(p, options) === 'hit' ? `, style="rounded,filled", fillcolor="${HIT_FILL}"` : '';
    lines.push(`  ${quote(p.node.name)} [label=${quote(labelOf(p, options))}, ${STYLE[p.role]}${hit}];`);
  }
  for (const [from, to] of picture.edges) lines.push(`  ${quote(from)} -> ${quote(to)};`);
  lines.push('}');
  return lines.join('\n');
}
