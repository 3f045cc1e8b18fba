import type { NodeDef } from '../graph/types.js';

/**
 * Whether the graph has a dependency cycle: a yes / no over integer arrays, each edge resolved by
 * name once. An acyclic graph (the usual case) then never pays for the name-keyed maps that
 * `findCycles` walks to spell out the cycle paths; at 100k nodes those lookups cost more than the
 * rest of the cycle check.
 *
 * @example
 * if (hasCycle(nodes)) for (const path of findCycles(dependencyMap(nodes))) report(messages.cycle(path));
 */
export function hasCycle(nodes: ReadonlyMap<string, NodeDef>): boolean {
  const index = new Map<string, number>();
  const list: NodeDef[] = [];
  nodes.forEach((node, name) => {
    index.set(name, list.length);
    list.push(node);
  });
  // The dependencies of node i are edges[first[i] .. first[i + 1]); -1 marks an unknown name.
  const first = new Int32Array(list.length + 1);
  for (let i = 0; i < list.length; i++) first[i + 1] = first[i] + list[i].deps.length;
  const edges = new Int32Array(first[list.length]);
  for (let i = 0, e = 0; i < list.length; i++) {
    const deps = list[i].deps;
    for (let d = 0; d < deps.length; d++) edges[e++] = index.get(deps[d].name) ?? -1;
  }
  return dependsOnItself(first, edges);
}

/** Iterative depth-first search (deep chains must not overflow the stack): 1 = on the path, 2 = done. */
function dependsOnItself(first: Int32Array, edges: Int32Array): boolean {
  const count = first.length - 1;
  const state = new Uint8Array(count);
  const cursor = first.slice(0, count);
  const stack = new Int32Array(count);
  for (let root = 0; root < count; root++) {
    if (state[root]) continue;
    let depth = 0;
    stack[depth++] = root;
    state[root] = 1;
    while (depth > 0) {
      const top = stack[depth - 1];
      if (cursor[top] === first[top + 1]) {
        state[top] = 2;
        depth--;
        continue;
      }
      const next = edges[cursor[top]++];
      if (next < 0 || state[next] === 2) continue;
      if (state[next] === 1) return true;
      state[next] = 1;
      stack[depth++] = next;
    }
  }
  return false;
}
