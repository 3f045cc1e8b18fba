import { describe, expect, it } from '@jest/globals';
import type { NodeDef } from '../graph/types.js';
import { hasCycle } from './has-cycle.js';

/** Nodes from `name: [deps]`; only names and deps matter here. */
const graph = (edges: Record<string, string[]>): Map<string, NodeDef> =>
  new Map(
    Object.entries(edges).map(([name, deps]) => [
      name,
      {
        name,
        kind: 'function',
        deps: deps.map((d) => ({ name: d, param: d, type: undefined, optional: false })),
        returnType: undefined,
        tags: {},
        doc: '',
      },
    ]),
  );

describe('hasCycle', () => {
  it('is false for a DAG, a diamond included, and for no nodes at all', () => {
    expect(hasCycle(graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c', 'b'] }))).toBe(false);
    expect(hasCycle(graph({}))).toBe(false);
  });

  it('ignores dependencies on names that are not nodes (external inputs)', () => {
    expect(hasCycle(graph({ b: ['x'], c: ['b', 'y'] }))).toBe(false);
  });

  it('finds a self-loop, a 2-cycle and a cycle reachable only from a later root', () => {
    expect(hasCycle(graph({ a: ['a'] }))).toBe(true);
    expect(hasCycle(graph({ a: ['b'], b: ['a'] }))).toBe(true);
    expect(hasCycle(graph({ a: [], b: ['a'], x: ['z'], y: ['x'], z: ['y'] }))).toBe(true);
  });

  it('walks a 100k-node chain without overflowing the stack', () => {
    const edges: Record<string, string[]> = { n0: [] };
    for (let i = 1; i < 100_000; i++) edges[`n${i}`] = [`n${i - 1}`];
    expect(hasCycle(graph(edges))).toBe(false);
    edges.n0 = ['n99999'];
    expect(hasCycle(graph(edges))).toBe(true);
  });
});
