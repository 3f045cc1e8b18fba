import { UnknownNodeError } from '../errors/unknown-node-error.js';
import { closeMatches } from './close-matches.js';
import type { Graph } from './types.js';

/** An `UnknownNodeError` for `names`, with the graph's closest node names as suggestions. */
export function unknownNodeError(graph: Graph, names: readonly string[], role: string): UnknownNodeError {
  const suggestions = Object.fromEntries(names.map((name) => [name, closeMatches(name, graph.nodes.keys())]));
  return new UnknownNodeError(names, suggestions, role);
}

/** Throws an `UnknownNodeError` naming every one of `names` that is not a node of `graph`. */
export function assertKnownNodes(graph: Graph, names: readonly string[], role: string): void {
  const unknown = names.filter((name) => !graph.nodes.has(name));
  if (unknown.length) throw unknownNodeError(graph, unknown, role);
}
