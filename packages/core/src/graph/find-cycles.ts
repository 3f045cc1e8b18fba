import type { Adjacency } from './types.js';

/**
 * Finds cycles in a dependency graph (node → its dependencies), iteratively so deep chains do not
 * overflow the stack. Each cycle is returned as a closed path in data-flow order, `[a, b, a]`
 * meaning a feeds b feeds a. At most `limit` cycles are reported.
 */
export function findCycles(deps: Adjacency, limit = 10): string[][] {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const cycles: string[][] = [];
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursors: number[] = [0];
    state.set(root, 1);
    while (path.length && cycles.length < limit) {
      const current = path[path.length - 1];
      const next = (deps.get(current) ?? [])[cursors[cursors.length - 1]++];
      if (next === undefined) {
        state.set(current, 2);
        path.pop();
        cursors.pop();
      } else if (state.get(next) === 1) {
        const loop = path.slice(path.indexOf(next));
        cycles.push([...loop, next].reverse());
      } else if (!state.has(next) && deps.has(next)) {
        state.set(next, 1);
        path.push(next);
        cursors.push(0);
      }
    }
  }
  return cycles;
}
