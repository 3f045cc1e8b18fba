import { writeDot } from './dot-writer.js';
import { cacheStatusOf, type GraphPicture, HIT_FILL, labelOf, type PictureOptions } from './graph-picture.js';

/** Renders a picture as Graphviz DOT text (data flows left to right). */
export function toDot(picture: GraphPicture, options: PictureOptions = {}): string {
  const nodes = picture.nodes.map((p) => ({
    name: p.node.name,
    label: labelOf(p, options),
    role: p.role,
    fill: cacheStatusOf(p, options) === 'hit' ? HIT_FILL : undefined,
  }));
  return writeDot(nodes, picture.edges);
}
