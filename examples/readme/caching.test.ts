// The README's Caching snippet, with bodies.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, node } from '@hamilton-ts/core';

const ran: string[] = [];

class Features {
  @node() async prices(day: string): Promise<Float64Array> {
    ran.push('prices');
    return Float64Array.of(100, 101, 99, day.length + 100);
  }
  @node() returns(prices: Float64Array): Float64Array {
    ran.push('returns');
    return prices.subarray(1).map((p, i) => p / prices[i] - 1);
  }
  @node() score(returns: Float64Array, riskFree = 0.01): number {
    ran.push('score');
    return returns.reduce((a, r) => a + r - riskFree, 0);
  }
}

test('a second run hits every node; a changed input recomputes only what depends on it', async () => {
  const path = mkdtempSync(join(tmpdir(), 'hamilton-readme-cache-'));
  try {
    const dr = new Builder().withModules(Features).withCache({ path }).build();
    const first = await dr.execute(['score'], { inputs: { day: '2024-03-01' } });
    ran.length = 0;
    const second = await dr.execute(['score'], { inputs: { day: '2024-03-01' } });
    expect(ran).toEqual([]);
    expect(second.objects()).toEqual(first.objects());
    expect(dr.cache.lastRun.nodes.score.status).toBe('hit');
    await dr.execute(['score'], { inputs: { day: '2024-03-01', riskFree: 0.02 } });
    expect(ran).toEqual(['score']);
    expect(Object.values(dr.cache.lastRun.nodes).map((n) => n.status)).toEqual(['hit', 'hit', 'miss']);
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
});
