import { HamiltonError, IO_TAG, matchesTagFilter, type TagFilter, type Variable } from '@hamilton-ts/core';

/** Which nodes an engine sends away: named ones, those matching a tag filter, or (by default) all. */
export class NodeSelection {
  /** The names given, when `nodes` was a list. */
  readonly names: ReadonlySet<string> | undefined;
  private readonly filter: TagFilter | undefined;

  constructor(nodes: readonly string[] | TagFilter | undefined) {
    if (Array.isArray(nodes)) this.names = new Set(nodes as readonly string[]);
    else this.filter = nodes as TagFilter | undefined;
  }

  /**
   * True when the node runs remotely (in a worker thread, on a queue worker). Loaders and savers never
   * do: they are made at run time (no worker could import them) and read the files the driver sees.
   */
  selects(node: Variable): boolean {
    if (node.tags[IO_TAG] !== undefined) return false;
    if (this.names) return this.names.has(node.name);
    return this.filter ? matchesTagFilter(node.tags, this.filter) : true;
  }
}

/** How an engine words a wrong `nodes` option. */
export interface NodesOptionMessages {
  /** Not a non-empty list of names nor a non-empty tag filter. */
  badNodes(value: unknown): string;
  /** A tag filter value that is not a string, a list of strings or null. */
  badTagFilter(key: string, value: unknown): string;
}

/** Checks an engine's `nodes` option (JavaScript callers can pass anything); a `HamiltonError` says what is wrong. */
export function checkNodesOption(value: unknown, messages: NodesOptionMessages): readonly string[] | TagFilter | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every((name) => typeof name === 'string' && name !== ''))
      throw new HamiltonError(messages.badNodes(value));
    return value;
  }
  if (value === null || typeof value !== 'object' || Object.keys(value).length === 0) throw new HamiltonError(messages.badNodes(value));
  for (const [key, wanted] of Object.entries(value))
    if (!(wanted === null || typeof wanted === 'string' || (Array.isArray(wanted) && wanted.every((w) => typeof w === 'string'))))
      throw new HamiltonError(messages.badTagFilter(key, wanted));
  return value as TagFilter;
}
