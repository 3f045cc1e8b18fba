import type { CacheRunRecord } from '../cache/run-record.js';
import type { Graph, NodeDef } from '../graph/types.js';

/** What a node plays in the picture of one call (or of the whole graph). */
export type NodeRole = 'output' | 'override' | 'input' | 'config' | 'computed';

/** A node and its role, the unit both renderers draw. */
export interface PicturedNode {
  readonly node: NodeDef;
  readonly role: NodeRole;
}

/** The nodes and edges to draw: the whole graph, or what one call would run. */
export interface GraphPicture {
  readonly nodes: readonly PicturedNode[];
  readonly edges: ReadonlyArray<readonly [from: string, to: string]>;
}

/** Options both renderers take. */
export interface PictureOptions {
  /** Show each node's type under its name (default true). */
  readonly showTypes?: boolean;
  /** A run's cache record (`dr.cache.lastRun`): each node shows its status, hits filled green. */
  readonly cache?: CacheRunRecord;
}

/** The fill of nodes the cache answered. */
export const HIT_FILL = '#dcfce7';

/** The node's cache status in the run shown, if one is. */
export function cacheStatusOf({ node }: PicturedNode, options: PictureOptions): string | undefined {
  return options.cache?.nodes[node.name]?.status;
}

/**
 * Picks what to draw: every node of `graph`, or only `names` (the nodes a call needs), with roles.
 * Edges are kept when both ends are drawn and the consumer is computed in that call.
 */
export function pictureOf(
  graph: Graph,
  names?: ReadonlySet<string>,
  roles: { outputs?: ReadonlySet<string>; overrides?: ReadonlySet<string> } = {},
): GraphPicture {
  const nodes: PicturedNode[] = [];
  for (const node of graph.nodes.values()) {
    if (names && !names.has(node.name)) continue;
    nodes.push({ node, role: roleOf(node, roles.outputs, roles.overrides) });
  }
  const drawn = new Map(nodes.map((p) => [p.node.name, p.role]));
  const edges: Array<readonly [string, string]> = [];
  for (const { node, role } of nodes) {
    if (role === 'override' || node.kind !== 'function') continue;
    for (const dep of new Set(node.deps.map((d) => d.name))) if (drawn.has(dep)) edges.push([dep, node.name]);
  }
  return { nodes, edges };
}

function roleOf(node: NodeDef, outputs?: ReadonlySet<string>, overrides?: ReadonlySet<string>): NodeRole {
  if (overrides?.has(node.name)) return 'override';
  if (outputs?.has(node.name)) return 'output';
  if (node.kind === 'external') return 'input';
  if (node.kind === 'config') return 'config';
  return 'computed';
}

/** The label of a node: its name, and its type unless asked not to. */
export function labelOf(pictured: PicturedNode, options: PictureOptions): string {
  const { node } = pictured;
  const type = node.returnType?.name;
  const label = options.showTypes === false || !type || type === 'Object' ? node.name : `${node.name}\n${type}`;
  const status = cacheStatusOf(pictured, options);
  return status ? `${label}\n(${status})` : label;
}
