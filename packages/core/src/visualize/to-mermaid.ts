import { cacheStatusOf, type GraphPicture, HIT_FILL, labelOf, type NodeRole, type PictureOptions } from './graph-picture.js';

const CLASSES: Record<NodeRole | 'hit', string> = {
  hit: `fill:${HIT_FILL},stroke:#15803d`,
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
  const used = new Set<NodeRole | 'hit'>();
  for (const p of picture.nodes) {
    const style: NodeRole | 'hit' = cacheStatusOf(p, options) === 'hit' ? 'hit' : p.role;
    used.add(style);
    lines.push(`  ${ids.get(p.node.name)}["${escapeLabel(labelOf(p, options))}"]:::${style}`);
  }
  for (const [from, to] of picture.edges) lines.push(`  ${ids.get(from)} --> ${ids.get(to)}`);
  for (const style of used) lines.push(`  classDef ${style} ${CLASSES[style]}`);
  return lines.join('\n');
}
