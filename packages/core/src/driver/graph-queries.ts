import { UnknownNodeError } from '../errors/unknown-node-error.js';
import { dependencyMap } from '../builder/graph-builder.js';
import { closeMatches } from '../graph/close-matches.js';
import { invert, pathBetween, reachable } from '../graph/traversal.js';
import type { Graph } from '../graph/types.js';
import { toVariable, type Variable } from '../graph/variable.js';
import { matchesTagFilter, type TagFilter } from './tag-filter.js';

/** Read-only questions about a built graph, answered as `Variable`s in the graph's node order. */
export class GraphQueries {
  private readonly deps: Map<string, string[]>;
  private consumersCache: Map<string, string[]> | undefined;

  constructor(private readonly graph: Graph) {
    this.deps = dependencyMap(graph.nodes);
  }

  list(tagFilter?: TagFilter): Variable[] {
    const all = [...this.graph.nodes.values()].map(toVariable);
    return tagFilter ? all.filter((v) => matchesTagFilter(v.tags, tagFilter)) : all;
  }

  upstreamOf(names: readonly string[]): Variable[] {
    this.checkKnown(names);
    return this.inGraphOrder(reachable(this.deps, names));
  }

  downstreamOf(names: readonly string[]): Variable[] {
    this.checkKnown(names);
    this.consumersCache ??= invert(this.deps);
    return this.inGraphOrder(reachable(this.consumersCache, names));
  }

  pathBetween(upstream: string, downstream: string): Variable[] {
    this.checkKnown([upstream, downstream]);
    return this.inGraphOrder(pathBetween(this.deps, upstream, downstream));
  }

  private inGraphOrder(names: ReadonlySet<string>): Variable[] {
    return [...this.graph.nodes.values()].filter((n) => names.has(n.name)).map(toVariable);
  }

  private checkKnown(names: readonly string[]): void {
    const unknown = names.filter((n) => !this.graph.nodes.has(n));
    if (unknown.length === 0) return;
    const suggestions = Object.fromEntries(unknown.map((u) => [u, closeMatches(u, this.graph.nodes.keys())]));
    throw new UnknownNodeError(unknown, suggestions, 'node');
  }
}
