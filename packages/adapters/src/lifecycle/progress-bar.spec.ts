import 'reflect-metadata';
import { stripVTControlCharacters } from 'node:util';
import { AsyncDriver, Driver, NodeExecutionError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PROGRESS_FORMAT, ProgressBar } from '../index.js';

class Chain {
  @node() a(x: number): number {
    return x;
  }
  @node() b(a: number): number {
    if (a < 0) throw new RangeError('negative');
    return a;
  }
  @node() c(b: number): number {
    return b;
  }
}

/** A stream that records what is written to it; a terminal when `isTTY` is true. */
function fakeStream(isTTY: boolean | undefined) {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns: 100,
    write(chunk: string | Uint8Array, callback?: unknown) {
      chunks.push(String(chunk));
      if (typeof callback === 'function') callback();
      return true;
    },
  };
  // Escape sequences (cursor moves, line clears) removed, so the bar's text can be read.
  const text = () => stripVTControlCharacters(chunks.join(''));
  return { stream: stream as unknown as NodeJS.WritableStream, chunks, text };
}

describe('ProgressBar on a terminal', () => {
  it('draws a bar over the nodes of the run, ending at total/total', async () => {
    const out = fakeStream(true);
    const bar = new ProgressBar({ stream: out.stream });
    expect(bar.drawing).toBe(true);
    expect(await new Driver({}, Chain, { adapter: bar }).rawExecute(['c'], { inputs: { x: 1 } })).toEqual({ c: 1 });
    expect(out.text()).toContain('0/3');
    expect(out.text()).toMatch(/nodes \[=+\] 100% \| 3\/3 \| \d+s\n$/);
  });

  it('counts a failed node and stops the bar when the run fails', async () => {
    const out = fakeStream(true);
    const run = new Driver({}, Chain, { adapter: new ProgressBar({ stream: out.stream }) }).rawExecute(['c'], { inputs: { x: -1 } });
    await expect(run).rejects.toThrow(NodeExecutionError);
    expect(out.text()).toMatch(/\| 2\/3 \| \d+s\n$/); // a done, b failed, c never ran
  });

  it('counts only the nodes the run computes: overrides and unrequested nodes are left out', async () => {
    const out = fakeStream(true);
    const dr = new Driver({}, Chain, { adapter: new ProgressBar({ stream: out.stream }) });
    await dr.rawExecute(['b'], { overrides: { a: 4 } });
    expect(out.text()).toMatch(/\| 1\/1 \|/);
  });

  it('uses the format it is given', async () => {
    const out = fakeStream(true);
    await new Driver({}, Chain, { adapter: new ProgressBar({ stream: out.stream, format: '{value} of {total} nodes' }) }).rawExecute(
      ['a'],
      {
        inputs: { x: 1 },
      },
    );
    expect(out.text()).toContain('1 of 1 nodes');
    expect(out.text()).not.toContain('[');
  });

  it('raises the total rather than overflow when more nodes finish than were counted', () => {
    const out = fakeStream(true);
    const bar = new ProgressBar({ stream: out.stream, format: '{percentage}% {value}/{total}' });
    bar.preGraphExecute({ runId: 'r', nodeCount: 1 });
    for (let i = 0; i < 3; i++) bar.postNodeExecute({ runId: 'r' });
    bar.postGraphExecute({ runId: 'r' });
    expect(out.text()).toMatch(/100% 3\/3\n$/);
    expect(out.text()).not.toMatch(/[2-9]\/1\b/);
  });

  it('keeps the bars of concurrent runs apart (AsyncDriver)', async () => {
    const out = fakeStream(true);
    class Fetch {
      @node({ returns: Number }) async one(): Promise<number> {
        return 1;
      }
      @node({ returns: Number }) async two(): Promise<number> {
        return 2;
      }
      @node() sum(one: number, two: number): number {
        return one + two;
      }
    }
    const dr = new AsyncDriver({}, Fetch, { adapter: new ProgressBar({ stream: out.stream, format: '{value}/{total}' }) });
    const results = await Promise.all([dr.rawExecute(['sum']), dr.rawExecute(['one'])]);
    expect(results).toEqual([{ sum: 3 }, { one: 1 }]);
    const finals = out.text().split('\n').filter(Boolean);
    expect(finals.map((line) => line.slice(-3)).sort()).toEqual(['1/1', '3/3']);
  });
});

describe('ProgressBar staying silent', () => {
  it.each([false, undefined])('writes nothing when the stream is not a TTY (isTTY %s)', async (isTTY) => {
    const out = fakeStream(isTTY);
    const bar = new ProgressBar({ stream: out.stream });
    expect(bar.drawing).toBe(false);
    await new Driver({}, Chain, { adapter: bar }).rawExecute(['c'], { inputs: { x: 1 } });
    expect(out.chunks).toEqual([]);
  });

  it('writes nothing with enabled: false, even on a terminal', async () => {
    const out = fakeStream(true);
    const bar = new ProgressBar({ stream: out.stream, enabled: false });
    expect(bar.drawing).toBe(false);
    await new Driver({}, Chain, { adapter: bar }).rawExecute(['c'], { inputs: { x: 1 } });
    expect(out.chunks).toEqual([]);
  });

  it('draws on process.stderr by default, only when it is a terminal', () => {
    expect(new ProgressBar().drawing).toBe(process.stderr.isTTY === true);
    expect(DEFAULT_PROGRESS_FORMAT).toContain('{value}/{total}');
  });
});
