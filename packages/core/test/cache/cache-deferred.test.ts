import 'reflect-metadata';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { closeStores, storesAt } from '../../src/cache/open-cache.js';
import { Builder, type CacheNodeRecord, collect, node, parallelizable, setLogger } from '../../src/index.js';
import { cacheDirectory, type HeldWrites, holdWrites, statuses } from './cache-support.js';

// A node with nothing stored yet needs no key before it runs: its typed array result is copied, and the
// writer thread fingerprints and keys it. These tests check that the keys are the ones this thread would
// make, whoever makes them, and that nothing is lost when the thread cannot answer.

const ran: string[] = [];

class Signal {
  @node() raw(seed: number): Float64Array {
    ran.push('raw');
    return Float64Array.from({ length: 256 }, (_, i) => Math.sin(seed + i));
  }
  @node() counts(raw: Float64Array): Int32Array {
    ran.push('counts');
    return Int32Array.from(raw, (v) => Math.round(v * 100));
  }
  @node() smoothed(raw: Float64Array, counts: Int32Array): Float32Array {
    ran.push('smoothed');
    return Float32Array.from(raw, (v, i) => v + counts[i] / 1000);
  }
  @node() peak(smoothed: Float32Array): number {
    ran.push('peak');
    return Math.max(...smoothed);
  }
}

class Bands {
  @node() bands(smoothed: Float32Array): Uint8Array {
    ran.push('bands');
    return Uint8Array.from(smoothed, (v) => (v > 0 ? 1 : 0));
  }
}

class Batches {
  @node() @parallelizable() batch(sizes: number[]): number[] {
    return sizes;
  }
  @node() samples(batch: number): Float64Array {
    ran.push(`samples:${batch}`);
    return Float64Array.from({ length: batch }, (_, i) => i * batch);
  }
  @node() @collect('samples') lengths(samples: Float64Array[]): number[] {
    return samples.map((s) => s.length);
  }
}

class Racing {
  @node() base(seed: number): Float64Array {
    return Float64Array.of(seed, seed + 1);
  }
  @node() async slow(base: Float64Array): Promise<Float64Array> {
    await new Promise((resolve) => setTimeout(resolve, 30));
    ran.push('slow');
    return base.map((v) => v * 2);
  }
  @node() async broken(seed: number): Promise<number> {
    throw new Error(`no luck with ${seed}`);
  }
}

const NODES = ['raw', 'counts', 'smoothed', 'peak'];
const inputs = { seed: 3 };

let dirs: ReturnType<typeof cacheDirectory>[];
const newDir = () => {
  const dir = cacheDirectory();
  dirs.push(dir);
  return dir.path;
};
let held: HeldWrites | undefined;

beforeEach(() => {
  dirs = [];
  ran.length = 0;
});
afterEach(async () => {
  held?.release();
  held = undefined;
  jest.restoreAllMocks();
  for (const dir of dirs) await dir.cleanup();
});

const build = (path: string, ...modules: (new () => object)[]) =>
  new Builder()
    .withModules(...(modules.length ? modules : [Signal]))
    .withCache({ path })
    .build();

/** Keys, data versions and code versions by node, without statuses. */
function keysOf(nodes: Readonly<Record<string, CacheNodeRecord>>) {
  return Object.fromEntries(
    Object.entries(nodes).map(([name, { cacheKey, dataVersion, codeVersion }]) => [name, { cacheKey, dataVersion, codeVersion }]),
  );
}

describe('results keyed by the writer thread', () => {
  it('get the keys and data versions this thread makes, whichever thread works them out', async () => {
    const early = build(newDir());
    held = holdWrites();
    await early.rawExecute(NODES, { inputs });
    const readEarly = keysOf(early.cache.lastRun.nodes); // before the thread saw anything: worked out here
    held.release();
    await early.cache.flush();

    const late = build(newDir());
    await late.rawExecute(NODES, { inputs });
    await late.cache.flush();
    expect(statuses(late.cache)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'miss'])));
    const readLate = keysOf(late.cache.lastRun.nodes); // answered by the thread
    expect(readLate).toEqual(readEarly);
    for (const record of Object.values(readLate)) expect(record.cacheKey).toMatch(/^[0-9a-f]{32}$/);

    // A rerun looks every node up by the key this thread makes: the same, so every node hits.
    ran.length = 0;
    const rerun = build(dirs[1].path);
    await rerun.rawExecute(NODES, { inputs });
    expect(ran).toEqual([]);
    expect(statuses(rerun.cache)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'hit'])));
    expect(keysOf(rerun.cache.lastRun.nodes)).toEqual(readLate);
  });

  it('give typed arrays back with their types', async () => {
    const path = newDir();
    const first = await build(path).rawExecute(['raw', 'counts', 'smoothed'], { inputs });
    await closeStores(path);
    const again = await build(path).rawExecute(['raw', 'counts', 'smoothed'], { inputs });
    expect(again.raw).toBeInstanceOf(Float64Array);
    expect(again.counts).toBeInstanceOf(Int32Array);
    expect(again.smoothed).toBeInstanceOf(Float32Array);
    expect(again).toEqual(first);
  });

  it('leave a node added beside stored ones to miss once, then hit', async () => {
    const path = newDir();
    await build(path).rawExecute(NODES, { inputs });
    await build(path).cache.flush();
    const grown = build(path, Signal, Bands);
    ran.length = 0;
    await grown.rawExecute([...NODES, 'bands'], { inputs });
    expect(ran).toEqual(['bands']);
    expect(statuses(grown.cache)).toEqual({ raw: 'hit', counts: 'hit', smoothed: 'hit', peak: 'hit', bands: 'miss' });
    ran.length = 0;
    await grown.rawExecute([...NODES, 'bands'], { inputs });
    expect(ran).toEqual([]);
  });

  it('key a stored node by the content of an argument deferred in the same run', async () => {
    const path = newDir();
    const dr = build(path);
    const raw = (await dr.rawExecute(['raw'], { inputs })).raw as Float64Array;
    await dr.cache.clear();
    // `counts` is stored from an override equal to what `raw` computes; `raw` itself is not stored.
    await dr.rawExecute(['counts'], { inputs, overrides: { raw: raw.slice() } });
    ran.length = 0;
    await dr.rawExecute(['counts'], { inputs });
    expect(ran).toEqual(['raw']);
    expect(statuses(dr.cache)).toEqual({ raw: 'miss', counts: 'hit' });
  });

  it('hit every node in a rerun of the same process while none of the writes is done', async () => {
    const dr = build(newDir());
    held = holdWrites();
    const first = await dr.rawExecute(NODES, { inputs });
    ran.length = 0;
    expect(await dr.rawExecute(NODES, { inputs })).toEqual(first);
    expect(ran).toEqual([]);
    expect(statuses(dr.cache)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'hit'])));
    expect(held.held()).toBeGreaterThan(0);
  });

  it('key the items of a parallelizable block each, and hit them in the next run', async () => {
    const path = newDir();
    const dr = build(path, Batches);
    expect(await dr.rawExecute(['lengths'], { inputs: { sizes: [2, 3, 4] } })).toEqual({ lengths: [2, 3, 4] });
    const items = dr.cache.lastRun.nodes.samples.items ?? [];
    expect(items.map((i) => i.status)).toEqual(['miss', 'miss', 'miss']);
    expect(new Set(items.map((i) => i.cacheKey)).size).toBe(3);
    ran.length = 0;
    expect(await dr.rawExecute(['lengths'], { inputs: { sizes: [2, 3, 5] } })).toEqual({ lengths: [2, 3, 5] });
    expect(ran).toEqual(['samples:5']);
    expect(dr.cache.lastRun.nodes.samples.items?.map((i) => i.status)).toEqual(['hit', 'hit', 'miss']);
  });

  it('stay answerable when the writer thread stops before answering, and nothing is stored under a wrong key', async () => {
    const path = newDir();
    const dr = build(path);
    held = holdWrites();
    const first = await dr.rawExecute(NODES, { inputs });
    const { writer } = await storesAt(path);
    const warnings: string[] = [];
    const previous = setLogger({ warn: (message) => warnings.push(message) });
    writer.lost('it was stopped by the test');
    setLogger(previous);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /storing the result of node "\w+" in .+ failed \(the cache's writer thread stopped: it was stopped by the test\), and 3 more results could not be stored/,
    );
    const records = keysOf(dr.cache.lastRun.nodes);
    expect(records.raw.cacheKey).toMatch(/^[0-9a-f]{32}$/);
    jest.restoreAllMocks(); // the held requests belong to the stopped thread: never sent
    held = undefined;

    ran.length = 0;
    const again = build(path);
    expect(await again.rawExecute(NODES, { inputs })).toEqual(first);
    expect(ran).toEqual(NODES); // nothing was stored
    await again.cache.flush();
    expect(keysOf(again.cache.lastRun.nodes)).toEqual(records);
    ran.length = 0;
    await build(path).rawExecute(NODES, { inputs });
    expect(ran).toEqual([]);
  });

  it('store what a failed run computed beside the failure, with no warning', async () => {
    const path = newDir();
    const dr = new Builder().withModules(Racing).withCache({ path }).buildAsync({ maxConcurrency: 2 });
    const warnings: string[] = [];
    const previous = setLogger({ warn: (message) => warnings.push(message) });
    try {
      held = holdWrites(); // the thread answers nothing during the run: `slow` is keyed by a result only the thread knows
      await expect(dr.rawExecute(['slow', 'broken'], { inputs: { seed: 2 } })).rejects.toThrow(/no luck with 2/);
      held.release();
      await dr.cache.flush();
    } finally {
      setLogger(previous);
    }
    expect(warnings).toEqual([]);
    ran.length = 0;
    expect(await dr.rawExecute(['slow'], { inputs: { seed: 2 } })).toEqual({ slow: Float64Array.of(4, 6) });
    expect(ran).toEqual([]);
    expect(statuses(dr.cache)).toEqual({ base: 'hit', slow: 'hit' });
  });

  it('are found by a store written before node markers existed, once it is opened', async () => {
    const path = newDir();
    await build(path).rawExecute(NODES, { inputs });
    await closeStores(path);
    const { open } = await import('lmdb');
    const db = open({ path: `${path}/metadata.lmdb`, compression: false });
    await db.transaction(() => {
      for (const key of db.getKeys()) if (key === 'nodes' || String(key).startsWith('node:')) db.removeSync(key);
    });
    await db.close();

    ran.length = 0;
    const reopened = build(path);
    await reopened.rawExecute(NODES, { inputs });
    expect(ran).toEqual([]);
    expect(statuses(reopened.cache)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'hit'])));
  });
});
