import { describe, expect, it } from '@jest/globals';
import type { Graph, NodeDef } from '../graph/types.js';
import { pictureOf } from './graph-picture.js';
import { toDot } from './to-dot.js';
import { toMermaid } from './to-mermaid.js';

const fn = (name: string, deps: string[], returnType?: Function): NodeDef => ({
  name,
  kind: 'function',
  deps: deps.map((d) => ({ name: d, param: d, type: undefined, optional: false })),
  call: () => 0,
  returnType,
  tags: {},
  doc: '',
});
const external = (name: string, kind: 'external' | 'config' = 'external'): NodeDef => ({
  name,
  kind,
  deps: [],
  returnType: Number,
  tags: {},
  doc: '',
});
const graph: Graph = {
  config: { rate: 2 },
  nodes: new Map(
    [fn('a', ['x']), fn('b', ['a', 'rate'], Float64Array), fn('c', ['b', 'b']), external('x'), external('rate', 'config')].map((n) => [
      n.name,
      n,
    ]),
  ),
};

describe('pictureOf', () => {
  it('draws every node with its role and one edge per distinct dependency', () => {
    const picture = pictureOf(graph);
    expect(picture.nodes.map((p) => `${p.node.name}:${p.role}`)).toEqual([
      'a:computed',
      'b:computed',
      'c:computed',
      'x:input',
      'rate:config',
    ]);
    expect(picture.edges).toEqual([
      ['x', 'a'],
      ['a', 'b'],
      ['rate', 'b'],
      ['b', 'c'],
    ]);
  });

  it('keeps only the named nodes, marks outputs and overrides, and draws no edge into an override', () => {
    const picture = pictureOf(graph, new Set(['b', 'c', 'rate']), { outputs: new Set(['c']), overrides: new Set(['b']) });
    expect(picture.nodes.map((p) => `${p.node.name}:${p.role}`)).toEqual(['b:override', 'c:output', 'rate:config']);
    expect(picture.edges).toEqual([['b', 'c']]);
  });
});

describe('renderers', () => {
  it('DOT quotes names, labels types and styles roles', () => {
    const dot = toDot(pictureOf(graph, undefined, { outputs: new Set(['c']) }));
    expect(dot).toMatch(/^digraph hamilton \{\n {2}rankdir=LR;/);
    expect(dot).toContain('"b" [label="b\\nFloat64Array", shape=box, style="rounded"];');
    expect(dot).toContain('"c" [label="c", shape=box, style="rounded,filled,bold"');
    expect(dot).toContain('"x" [label="x\\nNumber", shape=box, style="dashed"];');
    expect(dot).toContain('"rate" -> "b";');
    expect(toDot(pictureOf(graph), { showTypes: false })).toContain('"b" [label="b",');
  });

  it('DOT escapes quotes and backslashes in names', () => {
    const odd: Graph = { config: {}, nodes: new Map([['ns."q"\\', fn('ns."q"\\', [])]]) };
    expect(toDot(pictureOf(odd))).toContain('"ns.\\"q\\"\\\\" [label="ns.\\"q\\"\\\\"');
  });

  it('Mermaid uses generated ids, escaped labels and one class per role used', () => {
    const mermaid = toMermaid(pictureOf(graph, undefined, { outputs: new Set(['c']) }));
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('  n1["b<br/>Float64Array"]:::computed');
    expect(mermaid).toContain('  n0 --> n1');
    expect(mermaid).toContain('  classDef output ');
    expect(mermaid).not.toContain('classDef override');
  });
});
