import { describe, expect, it } from '@jest/globals';
import type { Graph, NodeDef } from '../graph/types.js';
import { planExecution } from './execution-plan.js';

const fn = (name: string, deps: string[] = [], optional: string[] = []): NodeDef => ({
  name,
  kind: 'function',
  returnType: undefined,
  tags: {},
  doc: '',
  deps: [
    ...deps.map((d) => ({ name: d, param: d, type: undefined, optional: false })),
    ...optional.map((d) => ({ name: d, param: d, type: undefined, optional: true })),
  ],
  call: () => name,
});
const ext = (name: string): NodeDef => ({ name, kind: 'external', deps: [], returnType: undefined, tags: {}, doc: '' });
const cfg = (name: string, value: unknown): NodeDef => ({ ...ext(name), kind: 'config', value });
const graphOf = (nodes: NodeDef[], config: Record<string, unknown> = {}): Graph => ({
  nodes: new Map(nodes.map((n) => [n.name, n])),
  config,
});

// a (input) -> b -> c -> d; e also reads a; w (optional) feeds d.
const chain = graphOf([ext('a'), fn('b', ['a']), fn('c', ['b']), fn('d', ['c'], ['w']), fn('e', ['a']), ext('w')]);
const plan = (graph: Graph, outputs: string[], inputs: string[] = [], overrides: string[] = []) =>
  planExecution(graph, outputs, new Set(inputs), new Set(overrides));
const stepNames = (p: ReturnType<typeof plan>) => p.steps.map((s) => s.node.name);

describe('planExecution', () => {
  it('orders steps dependencies first and plans only what the outputs need', () => {
    const p = plan(chain, ['d'], ['a']);
    expect(stepNames(p)).toEqual(['b', 'c', 'd']);
    expect(p.feeds.map((f) => [f.name, f.source])).toEqual([['a', 'input']]);
    expect(p.problems).toEqual([]);
  });

  it('plans a diamond once per node, with pending counts and consumers', () => {
    const g = graphOf([fn('top'), fn('l', ['top']), fn('r', ['top']), fn('bottom', ['l', 'r'])]);
    const p = plan(g, ['bottom']);
    expect(stepNames(p)).toEqual(['top', 'l', 'r', 'bottom']);
    expect([...p.pending]).toEqual([0, 1, 1, 2]);
    const top = p.steps[0].slot;
    expect(p.consumers[top]).toEqual([1, 2]);
    expect(p.refCounts[top]).toBe(2);
    expect(p.refCounts[p.steps[3].slot]).toBe(1); // only the requested output holds it
  });

  it('stops at overrides: nothing upstream runs and its inputs are not required', () => {
    const p = plan(chain, ['d'], [], ['c']);
    expect(stepNames(p)).toEqual(['d']);
    expect(p.feeds.map((f) => [f.name, f.source])).toEqual([['c', 'override']]);
    expect(p.problems).toEqual([]);
  });

  it('feeds config nodes and leaves absent optional deps at slot -1', () => {
    const g = graphOf([cfg('a', 3), fn('b', ['a'], ['w']), ext('w')], { a: 3 });
    const p = plan(g, ['b']);
    expect(p.feeds.map((f) => [f.name, f.source])).toEqual([['a', 'config']]);
    expect([...p.steps[0].args]).toEqual([p.feeds[0].slot, -1]);
    expect(p.problems).toEqual([]);
    expect(p.neededBy.get('w')).toEqual(['b']);
  });

  it('reports every missing required input with every node that needs it', () => {
    const g = graphOf([ext('a'), ext('z'), fn('b', ['a', 'z']), fn('c', ['a'])]);
    const p = plan(g, ['b', 'c']);
    expect(p.problems.map((x) => [x.input, x.neededBy])).toEqual([
      ['a', ['b', 'c']],
      ['z', ['b']],
    ]);
    expect(p.problems[0].message).toContain('missing input "a", needed by b, c');
  });

  it('reports an input requested as an output but not given', () => {
    const p = plan(chain, ['a']);
    expect(p.problems.map((x) => [x.input, x.neededBy])).toEqual([['a', ['(requested as an output)']]]);
    expect(plan(chain, ['a'], ['a']).problems).toEqual([]);
  });

  it('reports inputs that name a computed node or a config key', () => {
    const g = graphOf([cfg('k', 1), ext('a'), fn('b', ['a', 'k'])], { k: 1, other: 2 });
    const p = plan(g, ['b'], ['a', 'b', 'k', 'other']);
    expect(p.problems.map((x) => x.input)).toEqual(['b', 'k', 'other']);
    expect(p.problems[0].message).toMatch(/input "b" names a computed node.*overrides/);
    expect(p.problems[1].message).toContain('"k" is given both in config and in inputs');
  });

  it('counts a value once per consumer and once per requested output', () => {
    const p = plan(chain, ['b', 'd', 'e'], ['a']);
    const slotOf = (name: string) => p.steps.find((s) => s.node.name === name)?.slot ?? p.feeds.find((f) => f.name === name)!.slot;
    expect(p.refCounts[slotOf('a')]).toBe(2); // b and e
    expect(p.refCounts[slotOf('b')]).toBe(2); // c and the output
    expect([...p.outputSlots]).toEqual([slotOf('b'), slotOf('d'), slotOf('e')]);
  });

  it('plans a 100k-node chain without overflowing the stack', () => {
    const nodes = [ext('x0'), ...Array.from({ length: 100_000 }, (_, i) => fn(`x${i + 1}`, [`x${i}`]))];
    const p = plan(graphOf(nodes), ['x100000'], ['x0']);
    expect(p.steps).toHaveLength(100_000);
    expect(p.steps[0].node.name).toBe('x1');
  });
});
