import { describe, expect, it } from '@jest/globals';
import { findCycles } from './find-cycles.js';

/** node → its dependencies, from `consumer: dep1 dep2` pairs. */
const deps = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds nothing in a DAG, including a diamond', () => {
    expect(findCycles(deps({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }))).toEqual([]);
  });

  it('reports a self-loop as a -> a', () => {
    expect(findCycles(deps({ a: ['a'] }))).toEqual([['a', 'a']]);
  });

  it('reports a 2-cycle once, in data-flow order', () => {
    // b depends on a (a feeds b) and a depends on b (b feeds a).
    const cycles = findCycles(deps({ a: ['b'], b: ['a'] }));
    expect(cycles).toHaveLength(1);
    expect(['a -> b -> a', 'b -> a -> b']).toContain(cycles[0].join(' -> '));
  });

  it('gives a long cycle as a closed path in data-flow order (each name feeds the next)', () => {
    // a feeds b feeds c feeds d feeds a; x hangs off the cycle and must not appear in it.
    const graph = deps({ b: ['a'], c: ['b'], d: ['c'], a: ['d'], x: ['c'] });
    const [cycle, ...rest] = findCycles(graph);
    expect(rest).toEqual([]);
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
    expect(cycle).toHaveLength(5);
    for (let i = 0; i + 1 < cycle.length; i++) expect(graph.get(cycle[i + 1])).toContain(cycle[i]);
    expect(cycle.join(' -> ')).toBe('b -> c -> d -> a -> b');
  });

  it('reports several independent cycles, each once', () => {
    const cycles = findCycles(deps({ a: ['b'], b: ['a'], c: ['c'], d: ['e'], e: ['f'], f: ['d'], ok: ['a'] }));
    expect(cycles.map((c) => [...new Set(c)].sort().join())).toEqual(['a,b', 'c', 'd,e,f']);
  });

  it('ignores dependencies that are not keys (external inputs)', () => {
    expect(findCycles(deps({ a: ['input'], b: ['a', 'input'] }))).toEqual([]);
  });

  it('stops at `limit` cycles', () => {
    const graph = deps(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}`, [`n${i}`]])));
    expect(findCycles(graph)).toHaveLength(10);
    expect(findCycles(graph, 3)).toHaveLength(3);
  });

  it('walks a 100k-long chain without overflowing the stack, and finds the cycle closing it', () => {
    const n = 100_000;
    const graph = new Map<string, string[]>();
    for (let i = 0; i < n; i++) graph.set(`n${i}`, i === 0 ? [] : [`n${i - 1}`]);
    expect(findCycles(graph)).toEqual([]);
    graph.set('n0', [`n${n - 1}`]);
    const [cycle] = findCycles(graph);
    expect(cycle).toHaveLength(n + 1);
    expect(cycle.slice(0, 2)).toEqual(['n0', 'n1']);
  });
});
