import 'reflect-metadata';
import { Driver, InputValidationError, node, UnknownNodeError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Chain {
  @node() b(a: number): number {
    return a + 1;
  }
  @node() c(b: number): number {
    return b + 1;
  }
  @node() d(c: number, scale: number): number {
    return c * scale;
  }
}
const dr = new Driver({ scale: 2 }, Chain);

describe('displayAllFunctions', () => {
  it('gives DOT by default, every node and edge included', () => {
    const dot = dr.displayAllFunctions();
    for (const name of ['a', 'b', 'c', 'd', 'scale']) expect(dot).toContain(`"${name}" [label=`);
    expect(dot).toContain('"a" -> "b";');
    expect(dot).toContain('"scale" -> "d";');
    expect(dot).toContain('"scale" [label="scale\\nNumber", shape=note];');
  });

  it('gives Mermaid when asked', () => {
    expect(dr.displayAllFunctions({ format: 'mermaid' })).toMatch(/^flowchart LR\n/);
  });

  it('renders SVG with graphviz in wasm', async () => {
    const svg = await dr.displayAllFunctions({ format: 'svg' });
    expect(svg).toContain('<svg');
    expect(svg).toContain('>scale</text>');
  });
});

describe('visualizeExecution', () => {
  it('draws only what the call runs: an override prunes everything upstream of it', () => {
    const dot = dr.visualizeExecution(['d'], { overrides: { c: 10 } });
    expect(dot).toContain('"c" [label="c\\nNumber", shape=box, style="rounded,filled,dashed"');
    expect(dot).toContain('"d" [label="d\\nNumber", shape=box, style="rounded,filled,bold"');
    expect(dot).not.toContain('"a"');
    expect(dot).not.toContain('"b"');
    expect(dot).toContain('"c" -> "d";');
  });

  it('fails like execute for unknown outputs and missing inputs', () => {
    expect(() => dr.visualizeExecution(['e'])).toThrow(UnknownNodeError);
    expect(() => dr.visualizeExecution(['d'])).toThrow(InputValidationError);
    expect(() => dr.visualizeExecution(['d'])).toThrow('missing input "a", needed by b');
  });
});
