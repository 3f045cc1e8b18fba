import type { Adjacency } from './types.js';

/** Every name reachable from `starts` along `edges` (the starts included), in discovery order. */
export function reachable(edges: Adjacency, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const next of edges.get(name) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/** Reverses an adjacency (dependencies ↔ consumers), keeping every node as a key. */
export function invert(edges: Adjacency): Map<string, string[]> {
  const inverted = new Map<string, string[]>();
  for (const name of edges.keys()) inverted.set(name, []);
  for (const [name, targets] of edges)
    for (const target of targets) {
      let list = inverted.get(target);
      if (!list) {
        list = [];
        inverted.set(target, list);
      }
      list.push(name);
    }
  return inverted;
}

/** Nodes on some path from `upstream` to `downstream` (both included), or empty when none. */
export function pathBetween(deps: Adjacency, upstream: string, downstream: string): Set<string> {
  const above = reachable(deps, [downstream]);
  if (!above.has(upstream)) return new Set();
  const below = reachable(invert(deps), [upstream]);
  return new Set([...above].filter((n) => below.has(n)));
}
