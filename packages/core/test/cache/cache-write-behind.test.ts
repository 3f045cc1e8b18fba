import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { storesAt } from '../../src/cache/open-cache.js';
import { writerThread } from '../../src/cache/writer-thread.js';
import { Builder, node } from '../../src/index.js';
import { cacheDirectory, type HeldWrites, holdWrites, statuses, withWarnings } from './cache-support.js';

// Results are written in the background (see ResultWriter): these tests hold the writer thread's
// requests back where they need to see the cache with writes pending.

const ran: string[] = [];

class Chain {
  @node() base(x: number): Float64Array {
    ran.push('base');
    return Float64Array.from({ length: 64 }, (_, i) => x + i);
  }
  @node() scaled(base: Float64Array, factor: number): Float64Array {
    ran.push('scaled');
    return base.map((v) => v * factor);
  }
  @node() shifted(scaled: Float64Array): Float64Array {
    ran.push('shifted');
    return scaled.map((v) => v + 1);
  }
  @node() total(shifted: Float64Array): number {
    ran.push('total');
    return shifted.reduce((a, b) => a + b, 0);
  }
  @node() summary(total: number, base: Float64Array): { total: number; first: number } {
    ran.push('summary');
    return { total, first: base[0] };
  }
}

const NODES = ['base', 'scaled', 'shifted', 'total', 'summary'];
const OUTPUTS = ['shifted', 'summary'];
const every = (status: string) => Object.fromEntries(NODES.map((name) => [name, status]));

/** What the chain gives for `x` and `factor`, computed directly. */
function expected(x: number, factor: number) {
  const base = Float64Array.from({ length: 64 }, (_, i) => x + i);
  const shifted = base.map((v) => v * factor + 1);
  return { shifted, summary: { total: shifted.reduce((a, b) => a + b, 0), first: base[0] } };
}

let dir: ReturnType<typeof cacheDirectory>;
beforeEach(() => {
  dir = cacheDirectory();
  ran.length = 0;
});
afterEach(async () => {
  held?.release(); // a failed test may leave writes held back, which cleanup waits for
  held = undefined;
  jest.restoreAllMocks();
  await dir.cleanup();
});

const build = () => new Builder().withModules(Chain).withCache({ path: dir.path }).build();
const resultFiles = () => readdirSync(join(dir.path, 'results')).filter((f) => !f.endsWith('.tmp'));

let held: HeldWrites | undefined;

/** True once `promise` has settled (checked after the microtasks queued so far). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('write-behind stores', () => {
  it('resolve a run before its writes, which a rerun in the same process hits before they are done', async () => {
    held = holdWrites();
    const writes = held;
    const first = await build().rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } });
    expect(first).toEqual(expected(1, 2));
    expect(writes.held()).toBeGreaterThan(0);
    const flushing = build().cache.flush();

    const dr = build();
    ran.length = 0;
    const again = await dr.rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } });
    expect(statuses(dr.cache)).toEqual(every('hit'));
    expect(ran).toEqual([]);
    expect(again).toEqual(expected(1, 2));
    expect(again.shifted).toBeInstanceOf(Float64Array);
    expect(again.shifted).not.toBe(first.shifted); // a copy, as a read from disk would give
    expect(resultFiles()).toEqual([]);
    expect(await settled(flushing)).toBe(false);

    writes.release();
    await flushing;
    expect(resultFiles()).toHaveLength(NODES.length);
  });

  it('give a rerun right after a cold run every node as a hit, without holding the writes back', async () => {
    await build().rawExecute(OUTPUTS, { inputs: { x: 3, factor: 0.5 } });
    const dr = build();
    ran.length = 0;
    expect(await dr.rawExecute(OUTPUTS, { inputs: { x: 3, factor: 0.5 } })).toEqual(expected(3, 0.5));
    expect(statuses(dr.cache)).toEqual(every('hit'));
    expect(ran).toEqual([]);
  });

  it('store what a run computed, not what a later node or the caller changed in place', async () => {
    const first = await build().rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } });
    (first.shifted as Float64Array).fill(-1);
    await build().cache.flush();
    const dr = build();
    const { result, warnings } = await withWarnings(() => dr.rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } }));
    expect(warnings).toEqual([]);
    expect(statuses(dr.cache)).toEqual(every('hit'));
    expect(result).toEqual(expected(1, 2));
  });

  it('warn once when writes fail, naming a node and its path, and never fail the run', async () => {
    await build().rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } });
    await build().cache.flush();
    // The results directory becomes a file: no result can be written there any more.
    const results = join(dir.path, 'results');
    rmSync(results, { recursive: true });
    writeFileSync(results, 'not a directory');
    const dr = build();
    const { result, warnings } = await withWarnings(async () => {
      const values = await dr.rawExecute(OUTPUTS, { inputs: { x: 5, factor: 3 } });
      await dr.cache.flush();
      return values;
    });
    expect(result).toEqual(expected(5, 3));
    expect(statuses(dr.cache)).toEqual(every('miss'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/storing the result of node "(base|scaled|shifted|total|summary)" in .*results.* failed/);
    expect(warnings[0]).toContain(dir.path);

    // No entry names a file that was not written: with the directory back, the same run computes again.
    rmSync(results);
    mkdirSync(results);
    const again = build();
    ran.length = 0;
    expect(await again.rawExecute(OUTPUTS, { inputs: { x: 5, factor: 3 } })).toEqual(expected(5, 3));
    expect(statuses(again.cache)).toEqual(every('miss'));
  });

  it('make a run wait for the writer past the bound on pending bytes, with the same values', async () => {
    const { writer } = await storesAt(dir.path);
    writer.maxPendingBytes = 1;
    const sent = jest.spyOn(writerThread, 'send');
    const dr = build();
    expect(await dr.rawExecute(OUTPUTS, { inputs: { x: 2, factor: 4 } })).toEqual(expected(2, 4));
    expect(statuses(dr.cache)).toEqual(every('miss'));
    // Each result went alone, and the run waited for it to be written before going on.
    expect(sent.mock.calls.filter(([request]) => request.kind === 'write').length).toBeGreaterThanOrEqual(NODES.length);
    expect(resultFiles()).toHaveLength(NODES.length);
    await dr.cache.flush();
    const again = build();
    expect(await again.rawExecute(OUTPUTS, { inputs: { x: 2, factor: 4 } })).toEqual(expected(2, 4));
    expect(statuses(again.cache)).toEqual(every('hit'));
  });

  it('leave no stale entry when cleared with writes pending', async () => {
    held = holdWrites();
    const writes = held;
    const dr = build();
    await dr.rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } });
    const clearing = dr.cache.clear();
    writes.release();
    await clearing;
    expect(resultFiles()).toEqual([]);
    const fresh = build();
    ran.length = 0;
    expect(await fresh.rawExecute(OUTPUTS, { inputs: { x: 1, factor: 2 } })).toEqual(expected(1, 2));
    expect(statuses(fresh.cache)).toEqual(every('miss'));
    expect([...ran].sort()).toEqual([...NODES].sort());
  });
});
