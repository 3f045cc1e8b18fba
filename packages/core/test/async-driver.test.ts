import 'reflect-metadata';
import { AsyncDriver, Builder, Driver, GraphBuildError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

const flush = () => new Promise((r) => setImmediate(r));

/** Three independent async fetches the test releases by hand, then a join. */
class Fetchers {
  readonly inFlight = new Set<string>();
  readonly release = new Map<string, (v: number) => void>();
  maxInFlight = 0;

  private fetch(name: string): Promise<number> {
    this.inFlight.add(name);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size);
    return new Promise((resolve) =>
      this.release.set(name, (v) => {
        this.inFlight.delete(name);
        resolve(v);
      }),
    );
  }

  @node({ returns: Number }) users(): Promise<number> {
    return this.fetch('users');
  }
  @node({ returns: Number }) orders(): Promise<number> {
    return this.fetch('orders');
  }
  @node({ returns: Number }) visits(): Promise<number> {
    return this.fetch('visits');
  }
  @node() report(users: number, orders: number, visits: number): string {
    return `${users}/${orders}/${visits}`;
  }

  /** Releases whatever is in flight, one at a time, checking the limit each time. */
  async drain(limit: number): Promise<void> {
    await flush();
    while (this.inFlight.size) {
      expect(this.inFlight.size).toBeLessThanOrEqual(limit);
      const [name] = this.inFlight;
      this.release.get(name)!(name.length);
      await flush();
    }
  }
}

describe('AsyncDriver', () => {
  it('runs independent async nodes concurrently', async () => {
    const module = new Fetchers();
    const run = new AsyncDriver({}, module).rawExecute(['report']);
    await flush();
    expect([...module.inFlight].sort()).toEqual(['orders', 'users', 'visits']); // all started, none finished
    await module.drain(3);
    expect(await run).toEqual({ report: '5/6/6' });
  });

  it.each([1, 2])('respects maxConcurrency=%i', async (limit) => {
    const module = new Fetchers();
    const run = new AsyncDriver({}, module, { maxConcurrency: limit }).rawExecute(['report']);
    await module.drain(limit);
    expect(await run).toEqual({ report: '5/6/6' });
    expect(module.maxInFlight).toBe(limit);
  });

  it('the plain Driver awaits one node at a time', async () => {
    const module = new Fetchers();
    const run = new Driver({}, module).rawExecute(['report']);
    await module.drain(1);
    await run;
    expect(module.maxInFlight).toBe(1);
  });

  // Regression: maxConcurrency 0 (or NaN, or negative) started nothing and the run never settled.
  it.each([0, -1, 1.5, Number.NaN])('rejects maxConcurrency=%p when the driver is made', (limit) => {
    const make = () => new AsyncDriver({}, Fetchers, { maxConcurrency: limit });
    expect(make).toThrow(GraphBuildError);
    expect(make).toThrow(`maxConcurrency is number ${limit}; give a whole number of at least 1, or Infinity for no limit`);
    expect(() => new Builder().withModules(Fetchers).buildAsync({ maxConcurrency: limit })).toThrow(GraphBuildError);
  });

  it('has the same API: execute with a result builder, validateExecution, queries', async () => {
    class Sync {
      @node() a(x: number): number[] {
        return [x, x + 1];
      }
    }
    const dr = new AsyncDriver({}, Sync);
    expect(((await dr.execute(['a'], { inputs: { x: 1 } })) as { objects(): unknown[] }).objects()).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => dr.validateExecution(['a'])).toThrow('missing input "x"');
    expect(
      dr
        .whatIsUpstreamOf('a')
        .map((v) => v.name)
        .sort(),
    ).toEqual(['a', 'x']);
  });

  it('is what Builder.buildAsync makes, with its maxConcurrency', async () => {
    const module = new Fetchers();
    const dr = new Builder().withModules(module).buildAsync({ maxConcurrency: 2 });
    expect(dr).toBeInstanceOf(AsyncDriver);
    const run = dr.rawExecute(['report']);
    await module.drain(2);
    await run;
    expect(module.maxInFlight).toBe(2);
  });
});
