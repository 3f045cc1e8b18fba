import { describe, expect, it } from '@jest/globals';
import { writeDot } from './dot-writer.js';

describe('writeDot', () => {
  it('draws the doc example: roles styled, labels on lines of their own, edges by name', () => {
    const dot = writeDot(
      [
        { name: 'spend', role: 'input' },
        { name: 'total', label: 'total\nnumber', role: 'output' },
      ],
      [['spend', 'total']],
    );
    expect(dot).toBe(
      [
        'digraph hamilton {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica"];',
        '  "spend" [label="spend", shape=box, style="dashed"];',
        '  "total" [label="total\\nnumber", shape=box, style="rounded,filled,bold", fillcolor="#dbeafe"];',
        '  "spend" -> "total";',
        '}',
      ].join('\n'),
    );
  });

  it('gives a node the SVG id asked for, a computed box by default, and a fill over its role', () => {
    const dot = writeDot([{ name: 'a', id: 'hn0', fill: '#dcfce7' }], []);
    expect(dot).toContain('  "a" [id="hn0", label="a", shape=box, style="rounded", style="rounded,filled", fillcolor="#dcfce7"];');
  });

  it('quotes names, labels and ids so that no character ends a string', () => {
    const odd = '<b>"x"\\';
    const dot = writeDot([{ name: odd, id: 'i"d' }, { name: 'y\nz' }], [[odd, 'y\nz']]);
    expect(dot).toContain('  "<b>\\"x\\"\\\\" [id="i\\"d", label="<b>\\"x\\"\\\\"');
    expect(dot).toContain('  "<b>\\"x\\"\\\\" -> "y\\nz";');
  });
});
