import { parseJson } from './parse-json.js';
import type { PlannedNode } from './records.js';

/**
 * Planned graphs read from a store, parsed, by id. A graph never changes once stored (its id hashes
 * its JSON), so a page reading one run again, or many runs of one pipeline, parses it once.
 */
export class GraphCache {
  private readonly graphs = new Map<string, readonly PlannedNode[]>();

  constructor(private readonly capacity = 16) {}

  get(id: string): readonly PlannedNode[] | undefined {
    const graph = this.graphs.get(id);
    if (graph) {
      // Most recently used last: the first entry is the one to evict.
      this.graphs.delete(id);
      this.graphs.set(id, graph);
    }
    return graph;
  }

  /** Parses and keeps `json`; `[]` for text that is not a list of nodes. */
  add(id: string, json: string): readonly PlannedNode[] {
    const parsed = parseJson<PlannedNode[]>(json);
    const graph = Object.freeze(Array.isArray(parsed) ? parsed : []);
    this.graphs.set(id, graph);
    if (this.graphs.size > this.capacity) this.graphs.delete(this.graphs.keys().next().value!);
    return graph;
  }
}
