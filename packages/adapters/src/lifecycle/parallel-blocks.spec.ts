import 'reflect-metadata';
import { stripVTControlCharacters } from 'node:util';
import { AsyncDriver, collect, node, parallelizable } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { FAILED, GracefulErrorAdapter, PrintLn, ProgressBar } from '../index.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One branch per delay, run at once by AsyncDriver: later items finish first. */
class Waits {
  @node() @parallelizable() delays(list: number[]): number[] {
    return list;
  }
  @node() async waited(delays: number): Promise<number> {
    await tick(delays);
    if (delays < 0) throw new RangeError(`bad delay ${delays}`);
    return delays;
  }
  @node() @collect('waited') all(waited: number[]): number[] {
    return waited;
  }
}

describe('lifecycle adapters over parallelizable blocks (AsyncDriver)', () => {
  it('PrintLn times each branch of the same node by its own start', async () => {
    /** Each branch waits `after` ms before `timed` starts, then `timed` takes `takes` ms. */
    class Staggered {
      @node() @parallelizable() jobs(plan: { after: number; takes: number }[]): { after: number; takes: number }[] {
        return plan;
      }
      @node() async started(jobs: { after: number; takes: number }): Promise<number> {
        await tick(jobs.after);
        return jobs.takes;
      }
      @node() async timed(started: number): Promise<number> {
        await tick(started);
        return started;
      }
      @node() @collect('timed') all(timed: number[]): number[] {
        return timed;
      }
    }
    const lines: string[] = [];
    const dr = new AsyncDriver({}, Staggered, { adapter: new PrintLn({ print: (l) => lines.push(l) }) });
    const plan = [
      { after: 0, takes: 300 },
      { after: 150, takes: 1 },
    ];
    expect(await dr.rawExecute(['all'], { inputs: { plan } })).toEqual({ all: [300, 1] });
    const timed = lines.filter((l) => l.startsWith('Finished node: timed')).map((l) => Number(/in ([\d.]+) ms/.exec(l)![1]));
    // In finishing order: the second branch (1 ms, started at ~150 ms), then the first (300 ms, started at ~0 ms).
    // Matched by order of start instead, they would read ~150 ms and ~150 ms.
    expect(timed).toHaveLength(2);
    expect(timed[0]).toBeLessThan(100);
    expect(timed[1]).toBeGreaterThanOrEqual(290);
  });

  it('ProgressBar ends at done/done whatever the count said', async () => {
    const chunks: string[] = [];
    const stream = { isTTY: true, write: (c: string) => chunks.push(c) > 0 } as unknown as NodeJS.WritableStream;
    const dr = new AsyncDriver({}, Waits, { adapter: new ProgressBar({ stream, format: '<{value}/{total}>' }) });
    await dr.rawExecute(['all'], { inputs: { list: [1, 2, 3, 4] } });
    const drawn = stripVTControlCharacters(chunks.join(''));
    expect(drawn).toMatch(/^<0\/\d+>/);
    expect(drawn).toMatch(/<6\/6>\n$/); // delays, four branches of waited, all
  });

  it('GracefulErrorAdapter fails one branch and lets the others compute', async () => {
    const graceful = new GracefulErrorAdapter();
    const dr = new AsyncDriver({}, Waits, { adapter: graceful });
    expect(await dr.rawExecute(['all'], { inputs: { list: [3, -1, 2] } })).toEqual({ all: [3, FAILED, 2] });
    expect(graceful.failures().map((f) => [f.node, (f.error as Error).message])).toEqual([['waited', 'bad delay -1']]);
  });
});
