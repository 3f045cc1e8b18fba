import { describe, expect, it } from '@jest/globals';
import type { PlannedNode } from '../store/records.js';
import { runDot } from './run-dot.js';

const node = (name: string, dependencies: string[] = [], extra: Partial<PlannedNode> = {}): PlannedNode => ({
  name,
  type: 'number',
  doc: '',
  tags: {},
  dependencies,
  ...extra,
});

describe('runDot', () => {
  it('draws each node with an id of its position, edges for drawn dependencies only, inputs dashed, outputs bold', () => {
    const dot = runDot([node('x', [], { isInput: true }), node('a', ['x', 'x', 'gone']), node('b', ['a'], { type: 'Object' })], ['b']);
    expect(dot).toContain('"x" [id="hn0", label="x\\nnumber", shape=box, style="dashed"];');
    expect(dot).toContain('"a" [id="hn1", label="a\\nnumber", shape=box, style="rounded"];');
    expect(dot).toContain('"b" [id="hn2", label="b", shape=box, style="rounded,filled,bold"');
    expect(dot.match(/"x" -> "a"/g)).toHaveLength(1);
    expect(dot).not.toContain('gone');
  });

  it('quotes names so that no character ends a string or starts an HTML label', () => {
    const dot = runDot([node('<b>"x"\\', []), node('y\nz', ['<b>"x"\\'])], []);
    expect(dot).toContain('"<b>\\"x\\"\\\\" [id="hn0"');
    expect(dot).toContain('"y\\nz" [id="hn1"');
    expect(dot).toContain('"<b>\\"x\\"\\\\" -> "y\\nz";');
  });
});
