import { dependencyMap } from '../builder/graph-builder.js';
import { invert, pathBetween, reachable } from '../graph/traversal.js';
import type { Graph } from '../graph/types.js';
import { assertKnownNodes } from '../graph/unknown-nodes.js';
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
    assertKnownNodes(this.graph, names, 'node');
    return this.inGraphOrder(reachable(this.deps, names));
  }

  downstreamOf(names: readonly string[]): Variable[] {
    assertKnownNodes(this.graph, names, 'node');
    this.consumersCache ??= invert(this.deps);
    return this.inGraphOrder(reachable(this.consumersCache, names));
  }

  pathBetween(upstream: string, downstream: string): Variable[] {
    assertKnownNodes(this.graph, [upstream, downstream], 'node');
    return this.inGraphOrder(pathBetween(this.deps, upstream, downstream));
  }

  private inGraphOrder(names: ReadonlySet<string>): Variable[] {
    return [...this.graph.nodes.values()].filter((n) => names.has(n.name)).map(toVariable);
  }
}
