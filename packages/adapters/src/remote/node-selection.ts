import { matchesTagFilter, type TagFilter, type Variable } from '@hamilton-ts/core';

/** Which nodes an engine sends away: named ones, those matching a tag filter, or (by default) all. */
export class NodeSelection {
  /** The names given, when `nodes` was a list. */
  readonly names: ReadonlySet<string> | undefined;
  private readonly filter: TagFilter | undefined;

  constructor(nodes: readonly string[] | TagFilter | undefined) {
    if (Array.isArray(nodes)) this.names = new Set(nodes as readonly string[]);
    else this.filter = nodes as TagFilter | undefined;
  }

  /** True when the node runs remotely (in a worker thread, on a queue worker). */
  selects(node: Variable): boolean {
    if (this.names) return this.names.has(node.name);
    return this.filter ? matchesTagFilter(node.tags, this.filter) : true;
  }
}
