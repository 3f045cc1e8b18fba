import 'reflect-metadata';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Builder, cache, node } from '../../src/index.js';
import { cacheDirectory, statuses } from './cache-support.js';

const calls: string[] = [];

class Features {
  @node()
  doubled(x: Float64Array): Float64Array {
    calls.push('doubled');
    return x.map((v) => v * 2);
  }

  @node()
  total(doubled: Float64Array): number {
    calls.push('total');
    return doubled.reduce((a, b) => a + b, 0);
  }

  @node()
  label(total: number, prefix = 'sum'): string {
    calls.push('label');
    return `${prefix}:${total}`;
  }
}

let dir: ReturnType<typeof cacheDirectory>;
beforeEach(() => {
  dir = cacheDirectory();
  calls.length = 0;
});
afterEach(() => dir.cleanup());

describe('a cached driver', () => {
  it('computes and stores, then hits every node without running one', async () => {
    const x = Float64Array.of(1, 2, 3);
    const dr = new Builder().withModules(Features).withCache({ path: dir.path }).build();
    const first = await dr.rawExecute(['label', 'doubled'], { inputs: { x } });
    expect(first).toEqual({ label: 'sum:12', doubled: Float64Array.of(2, 4, 6) });
    expect(statuses(dr.cache)).toEqual({ doubled: 'miss', total: 'miss', label: 'miss' });
    calls.length = 0;
    const second = await dr.rawExecute(['label', 'doubled'], { inputs: { x } });
    expect(calls).toEqual([]);
    expect(second.label).toBe('sum:12');
    expect(second.doubled).toBeInstanceOf(Float64Array);
    expect(second.doubled).toEqual(Float64Array.of(2, 4, 6));
    expect(statuses(dr.cache)).toEqual({ doubled: 'hit', total: 'hit', label: 'hit' });
    const record = dr.cache.lastRun.nodes.label;
    expect(record.cacheKey).toMatch(/^[0-9a-f]{32}$/);
    expect(record.dataVersion).toMatch(/^[0-9a-f]{32}$/);
    expect(record.codeVersion).toMatch(/^[0-9a-f]{32}$/);
  });

  it('records, for a run answered at once from its manifest, the very keys and versions the run that stored them had', async () => {
    const x = Float64Array.of(1, 2, 3);
    const outputs = ['label', 'doubled'];
    const first = new Builder().withModules(Features).withCache({ path: dir.path }).build();
    await first.rawExecute(outputs, { inputs: { x } });
    await first.cache.flush();
    const stored = first.cache.lastRun.nodes;
    const dr = new Builder().withModules(Features).withCache({ path: dir.path }).build();
    await dr.rawExecute(outputs, { inputs: { x } });
    expect(calls).toEqual(['doubled', 'total', 'label']);
    const replayed = dr.cache.lastRun.nodes;
    for (const name of ['doubled', 'total', 'label']) expect(replayed[name]).toEqual({ ...stored[name], status: 'hit' });
  });

  it('persists across drivers', async () => {
    const x = Float64Array.of(1, 2, 3);
    await new Builder().withModules(Features).withCache({ path: dir.path }).build().execute(['label'], { inputs: { x } });
    calls.length = 0;
    const dr = new Builder().withModules(Features).withCache({ path: dir.path }).build();
    const table = await dr.execute(['label'], { inputs: { x } });
    expect(table.get('label', 0)).toBe('sum:12');
    expect(calls).toEqual([]);
  });

  it('recomputes only what is downstream of a changed input', async () => {
    class Two {
      @node() a(x: number): number {
        calls.push('a');
        return x + 1;
      }
      @node() b(y: number): number {
        calls.push('b');
        return y * 2;
      }
      @node() c(a: number, b: number): number {
        calls.push('c');
        return a + b;
      }
    }
    const dr = new Builder().withModules(Two).withCache({ path: dir.path }).build();
    await dr.rawExecute(['c'], { inputs: { x: 1, y: 1 } });
    calls.length = 0;
    expect(await dr.rawExecute(['c'], { inputs: { x: 1, y: 5 } })).toEqual({ c: 12 });
    expect(calls).toEqual(['b', 'c']);
    expect(statuses(dr.cache)).toEqual({ a: 'hit', b: 'miss', c: 'miss' });
  });

  it('gives every behavior its status', async () => {
    class Behaving {
      @node() @cache({ behavior: 'recompute' }) fresh(x: number): number {
        return x + 1;
      }
      @node() @cache({ behavior: 'disable' }) off(x: number): number {
        return x + 2;
      }
      @node() client(): { query: () => number } {
        return { query: () => 3 };
      }
      @node() fromClient(client: { query: () => number }): number {
        return client.query();
      }
      @node() all(fresh: number, off: number, fromClient: number): number {
        return fresh + off + fromClient;
      }
    }
    const build = () => new Builder().withModules(Behaving).withCache({ path: dir.path }).build();
    const dr = build();
    await dr.rawExecute(['all'], { inputs: { x: 1 } });
    expect(statuses(dr.cache)).toEqual({ fresh: 'recompute', off: 'disabled', client: 'unhashable', fromClient: 'miss', all: 'miss' });
    await dr.rawExecute(['all'], { inputs: { x: 1 } });
    // fromClient never hits on an unhashable value; `all` hits again, since fromClient's value is the same.
    expect(statuses(dr.cache)).toEqual({ fresh: 'recompute', off: 'disabled', client: 'unhashable', fromClient: 'miss', all: 'hit' });
    const ignoring = new Builder()
      .withModules(Behaving)
      .withCache({ path: dir.path, ignore: ['client'] })
      .build();
    await ignoring.rawExecute(['all'], { inputs: { x: 1 } });
    await ignoring.rawExecute(['all'], { inputs: { x: 1 } });
    expect(statuses(ignoring.cache)).toEqual({ fresh: 'recompute', off: 'disabled', client: 'ignored', fromClient: 'hit', all: 'hit' });
  });

  it('clears', async () => {
    const x = Float64Array.of(1);
    const dr = new Builder().withModules(Features).withCache({ path: dir.path }).build();
    await dr.rawExecute(['label'], { inputs: { x } });
    await dr.cache.clear();
    await dr.rawExecute(['label'], { inputs: { x } });
    expect(statuses(dr.cache)).toEqual({ doubled: 'miss', total: 'miss', label: 'miss' });
  });
});
