import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HamiltonError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { ThreadPool } from './thread-pool.js';
import { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';

const FIXTURES = new URL('./fixtures/cpu-features.ts', import.meta.url);

/** The HamiltonError message a construction throws. */
function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(HamiltonError);
    return (error as Error).message;
  }
  throw new Error('expected the construction to throw');
}

const adapter = (options: unknown) => () => new WorkerThreadsGraphAdapter(options as never);

describe('WorkerThreadsGraphAdapter options', () => {
  it('takes module URLs, file: URL strings and file paths, relative ones from the working directory', () => {
    expect(adapter({ modules: [FIXTURES] })).not.toThrow();
    expect(adapter({ modules: [FIXTURES.href] })).not.toThrow();
    expect(adapter({ modules: [fileURLToPath(FIXTURES)] })).not.toThrow();
    expect(adapter({ modules: [relative(process.cwd(), fileURLToPath(FIXTURES))] })).not.toThrow();
    expect(adapter({ modules: [`${FIXTURES.href}?v=2`] })).not.toThrow();
  });

  it('refuses options that are not an object, and options it does not know', () => {
    expect(refusal(adapter(undefined))).toBe(
      "WorkerThreadsGraphAdapter: options are undefined; pass an object of options, e.g. new WorkerThreadsGraphAdapter({ modules: [new URL('./features.ts', import.meta.url)] })",
    );
    expect(refusal(adapter([FIXTURES]))).toMatch(/^WorkerThreadsGraphAdapter: options are \[.*\]; pass an object of options/);
    expect(refusal(adapter({ modules: [FIXTURES], threads: 2 }))).toBe(
      'WorkerThreadsGraphAdapter: there is no option "threads"; the options are modules, maxThreads, nodes, pool',
    );
  });

  it('refuses missing, empty or unusable modules, naming the value and what to pass', () => {
    expect(refusal(adapter({}))).toMatch(
      /^WorkerThreadsGraphAdapter: option "modules" is undefined; list the URLs \(or paths\) of the pipeline modules/,
    );
    expect(refusal(adapter({ modules: [] }))).toMatch(/option "modules" is \[\]; list the URLs/);
    expect(refusal(adapter({ modules: [FIXTURES, 42] }))).toMatch(
      /^WorkerThreadsGraphAdapter: option "modules" has 42 at index 1; give a file URL \(new URL\('\.\/features\.ts', import\.meta\.url\)\)/,
    );
    expect(refusal(adapter({ modules: ['https://example.com/features.js'] }))).toMatch(
      /has "https:\/\/example\.com\/features\.js" at index 0/,
    );
    expect(refusal(adapter({ modules: [new URL('./fixtures/missing.ts', import.meta.url)] }))).toMatch(
      /^WorkerThreadsGraphAdapter: option "modules" names file:\/\/.*\/fixtures\/missing\.ts at index 0, which does not exist/,
    );
  });

  it('refuses a maxThreads that is not a whole number of at least 1', () => {
    for (const maxThreads of [0, 1.5, '2', Number.POSITIVE_INFINITY])
      expect(refusal(adapter({ modules: [FIXTURES], maxThreads }))).toMatch(
        /^WorkerThreadsGraphAdapter: option "maxThreads" is .*; give a whole number of at least 1 \(the default is os\.availableParallelism\(\)\)$/,
      );
  });

  it('refuses nodes that are neither names nor a tag filter', () => {
    for (const nodes of [[], [''], [1], {}, 'score'])
      expect(refusal(adapter({ modules: [FIXTURES], nodes }))).toMatch(
        /^WorkerThreadsGraphAdapter: option "nodes" is .*; give node names \(\['features', 'score'\]\) or a tag filter \(\{ compute: 'cpu' \}\)/,
      );
    expect(refusal(adapter({ modules: [FIXTURES], nodes: { compute: 3 } }))).toBe(
      'WorkerThreadsGraphAdapter: option "nodes" filters tag "compute" by 3; a tag filter value is a string, an array of strings, or null (the node has the tag)',
    );
  });

  it('refuses a pool that is not a ThreadPool, and maxThreads beside a pool', () => {
    expect(refusal(adapter({ modules: [FIXTURES], pool: { maxThreads: 2 } }))).toMatch(
      /^WorkerThreadsGraphAdapter: option "pool" is an object; give a ThreadPool/,
    );
    expect(refusal(adapter({ modules: [FIXTURES], pool: new ThreadPool({ maxThreads: 2 }), maxThreads: 4 }))).toBe(
      'WorkerThreadsGraphAdapter: options "maxThreads" (4) and "pool" (a ThreadPool of 2 threads) are both given; ' +
        'the pool decides how many threads run: pass maxThreads to new ThreadPool({ maxThreads }) and leave it out here',
    );
  });
});

describe('ThreadPool options', () => {
  it('refuses what is not { maxThreads } with a whole number of at least 1', () => {
    expect(refusal(() => new ThreadPool(null as never))).toMatch(
      /^ThreadPool: options are null; pass an object of options, e.g. new ThreadPool\(\{ maxThreads: 4 \}\)/,
    );
    expect(refusal(() => new ThreadPool({ threads: 2 } as never))).toBe(
      'ThreadPool: there is no option "threads"; the options are maxThreads',
    );
    expect(refusal(() => new ThreadPool({ maxThreads: 0 }))).toMatch(
      /^ThreadPool: option "maxThreads" is 0; give a whole number of at least 1/,
    );
    expect(new ThreadPool({ maxThreads: 3 }).maxThreads).toBe(3);
    expect(new ThreadPool().started).toBe(false);
  });
});
