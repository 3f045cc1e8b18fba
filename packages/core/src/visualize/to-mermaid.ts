import { type GraphPicture, labelOf, type NodeRole, type PictureOptions } from './graph-picture.js';

const CLASSES: Record<NodeRole, string> = {
  computed: 'fill:#ffffff,stroke:#374151',
  output: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px',
  override: 'fill:#e5e7eb,stroke:#6b7280,stroke-dasharray:4',
  input: 'fill:#ffffff,stroke:#6b7280,stroke-dasharray:4',
  config: 'fill:#fef9c3,stroke:#a16207',
};

const escapeLabel = (text: string): string => text.replace(/"/g, '#quot;').replace(/\n/g, '<br/>');

/** Renders a picture as a Mermaid flowchart (ids are generated; node names may hold any character). */
export function toMermaid(picture: GraphPicture, options: PictureOptions = {}): string {
  const ids = new Map(picture.nodes.map((p, i) => [p.node.name, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const p of picture.nodes) lines.push(`  ${ids.get(p.node.name)}["${escapeLabel(labelOf(p, options))}"]:::${p.role}`);
  for (const [from, to] of picture.edges) lines.push(`  ${ids.get(from)} --> ${ids.get(to)}`);
  const used = new Set(picture.nodes.map((p) => p.role));
  for (const role of used) lines.push(`  classDef ${role} ${CLASSES[role]}`);
  return lines.join('\n');
}
