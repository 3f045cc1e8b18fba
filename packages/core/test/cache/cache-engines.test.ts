import 'reflect-metadata';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Builder, collect, type GraphAdapter, node, parallelizable } from '../../src/index.js';
import { cacheDirectory, statuses } from './cache-support.js';

const calls: string[] = [];

class Fetching {
  @node() async prices(symbol: string): Promise<Float64Array> {
    calls.push('prices');
    await new Promise((resolve) => setTimeout(resolve, 5));
    return Float64Array.of(symbol.length, 2, 3);
  }
  @node() async volumes(symbol: string): Promise<number[]> {
    calls.push('volumes');
    return [symbol.length, 1];
  }
  @node() turnover(prices: Float64Array, volumes: number[]): number {
    calls.push('turnover');
    return prices[0] * volumes[0] + prices[1] * volumes[1];
  }
}

class Files {
  @node() @parallelizable() file(names: string[]): string[] {
    calls.push('file');
    return names;
  }
  @node() size(file: string): number {
    calls.push(`size:${file}`);
    return file.length;
  }
  @node() @collect('size') total(size: number[]): number {
    calls.push('total');
    return size.reduce((a, b) => a + b, 0);
  }
}

let dir: ReturnType<typeof cacheDirectory>;
beforeEach(() => {
  dir = cacheDirectory();
  calls.length = 0;
});
afterEach(() => dir.cleanup());

describe('the cache with every engine', () => {
  it('caches async nodes under AsyncDriver', async () => {
    const dr = new Builder().withModules(Fetching).withCache({ path: dir.path }).buildAsync({ maxConcurrency: 4 });
    expect(await dr.rawExecute(['turnover'], { inputs: { symbol: 'ABC' } })).toEqual({ turnover: 11 });
    calls.length = 0;
    expect(await dr.rawExecute(['turnover'], { inputs: { symbol: 'ABC' } })).toEqual({ turnover: 11 });
    expect(calls).toEqual([]);
    expect(await dr.rawExecute(['turnover', 'prices'], { inputs: { symbol: 'ABCD' } })).toEqual({
      turnover: 18,
      prices: Float64Array.of(4, 2, 3),
    });
    expect(statuses(dr.cache)).toEqual({ prices: 'miss', volumes: 'miss', turnover: 'miss' });
  });

  it('keys the nodes of a parallelizable block by item', async () => {
    const dr = new Builder().withModules(Files).withCache({ path: dir.path }).build();
    expect(await dr.rawExecute(['total'], { inputs: { names: ['a', 'bb'] } })).toEqual({ total: 3 });
    calls.length = 0;
    expect(await dr.rawExecute(['total'], { inputs: { names: ['a', 'bb', 'ccc'] } })).toEqual({ total: 6 });
    // Only the new item's node runs; the fan-out and the collect see new values, so they run again.
    expect(calls).toEqual(['file', 'size:ccc', 'total']);
    const size = dr.cache.lastRun.nodes.size;
    expect(size.items?.map((i) => i.status)).toEqual(['hit', 'hit', 'miss']);
    expect(size.status).toBe('miss');
    calls.length = 0;
    await dr.rawExecute(['total'], { inputs: { names: ['a', 'bb', 'ccc'] } });
    expect(calls).toEqual([]);
  });

  it('tells lifecycle adapters what the cache did, and reads hits for them', async () => {
    const seen: Array<[string, string | undefined, unknown]> = [];
    const observer: GraphAdapter = {
      postNodeExecute: ({ node, cache, result }) => {
        seen.push([node.name, cache?.status, result]);
      },
    };
    const dr = new Builder().withModules(Fetching).withAdapters(observer).withCache({ path: dir.path }).build();
    await dr.rawExecute(['turnover'], { inputs: { symbol: 'AB' } });
    seen.length = 0;
    await dr.rawExecute(['turnover'], { inputs: { symbol: 'AB' } });
    expect(seen).toEqual([
      ['prices', 'hit', Float64Array.of(2, 2, 3)],
      ['volumes', 'hit', [2, 1]],
      ['turnover', 'hit', 6],
    ]);
  });

  it('does not store a failed node, and the run fails as without a cache', async () => {
    let fail = true;
    class Flaky {
      @node() flaky(x: number): number {
        if (fail) throw new Error('upstream is down');
        return x;
      }
    }
    const dr = new Builder().withModules(Flaky).withCache({ path: dir.path }).build();
    await expect(dr.rawExecute(['flaky'], { inputs: { x: 1 } })).rejects.toThrow(/upstream is down/);
    fail = false;
    expect(await dr.rawExecute(['flaky'], { inputs: { x: 1 } })).toEqual({ flaky: 1 });
    expect(statuses(dr.cache)).toEqual({ flaky: 'miss' });
  });
});

describe('pictures of a cached run', () => {
  it('visualizeExecution shows each node with its status, hits filled', async () => {
    const dr = new Builder().withModules(Fetching).withCache({ path: dir.path }).build();
    const inputs = { symbol: 'AB' };
    await dr.rawExecute(['turnover'], { inputs });
    await dr.rawExecute(['turnover'], { inputs: { symbol: 'AB' } });
    const dot = dr.visualizeExecution(['turnover'], { inputs, cache: dr.cache.lastRun });
    expect(dot).toMatch(/"prices" \[label="prices\\n\(hit\)", .*fillcolor="#dcfce7"\]/);
    const mermaid = dr.visualizeExecution(['turnover'], { inputs, cache: dr.cache.lastRun, format: 'mermaid' });
    expect(mermaid).toContain('["turnover<br/>Number<br/>(hit)"]:::hit');
    expect(mermaid).toContain('classDef hit fill:#dcfce7');
  });
});
