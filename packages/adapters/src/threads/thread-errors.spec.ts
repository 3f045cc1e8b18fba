import 'reflect-metadata';
import { DataValidationError, Driver, GraphBuildError, NodeExecutionError, node } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Failures, SignalFeatures } from './fixtures/cpu-features.js';
import { ThreadPool } from './thread-pool.js';
import { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';

const FIXTURES = new URL('./fixtures/cpu-features.ts', import.meta.url);
const MODULES = [FIXTURES];
const SLOW = 60_000;

let pool: ThreadPool;
beforeAll(() => {
  pool = new ThreadPool({ maxThreads: 1 });
});
afterAll(() => pool.close());

const threads = (options: { nodes?: string[] } = {}) => new WorkerThreadsGraphAdapter({ modules: MODULES, pool, ...options });

async function failure(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the run to fail');
}

/** Declared here, so no thread module exports it. */
class NotExported {
  @node()
  ghost(fuse: number): number {
    return fuse;
  }
}

/** Same class name as the fixture's Drift, whose `total` depends on [a, c]. */
class Drift {
  @node()
  total(a: number, b: number): number {
    return a + b;
  }
}

class Gadget {
  readonly parts = [1, 2];
}

class Takes {
  @node()
  weigh(thing: object): number {
    return Object.keys(thing).length;
  }
}

describe('WorkerThreadsGraphAdapter errors', () => {
  it(
    'reports a node that throws in a thread as NodeExecutionError, its cause carrying the worker error',
    async () => {
      const local = await failure(new Driver({}, Failures).rawExecute(['explode'], { inputs: { fuse: 3 } }));
      const error = await failure(new Driver({}, Failures, { adapter: threads() }).rawExecute(['explode'], { inputs: { fuse: 3 } }));
      expect(error).toBeInstanceOf(NodeExecutionError);
      expect(error.message).toBe(local.message);
      expect(error.message).toBe('node "explode" (Failures) failed: fuse 3 blew up');
      expect((error as NodeExecutionError).node).toBe('explode');
      const cause = error.cause as Error;
      expect(cause).toBeInstanceOf(RangeError);
      expect([cause.name, cause.message]).toEqual(['RangeError', 'fuse 3 blew up']);
      // The worker's stack: it runs the fixture's code in another thread.
      expect(cause.stack).toMatch(/^RangeError: fuse 3 blew up\n\s+at Failures\.explode .*cpu-features\.ts/);
    },
    SLOW,
  );

  it(
    'lets a DataValidationError of a checkOutput in a thread reach the caller as itself, as in-process',
    async () => {
      const local = await failure(new Driver({}, Failures).rawExecute(['probability'], { inputs: { fuse: 3 } }));
      const error = await failure(new Driver({}, Failures, { adapter: threads() }).rawExecute(['probability'], { inputs: { fuse: 3 } }));
      expect(local).toBeInstanceOf(DataValidationError);
      expect(error).toBeInstanceOf(DataValidationError);
      expect(error.message).toBe(local.message);
      expect((error as DataValidationError).node).toBe('probability');
      expect((error as DataValidationError).offending).toEqual((local as DataValidationError).offending);
    },
    SLOW,
  );

  it('refuses, when the driver is built, thread nodes of a module given as an instance', () => {
    const build = () => new Driver({}, new Failures(), { adapter: threads() });
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow(
      /WorkerThreadsGraphAdapter\.validateGraph rejected the graph: nodes \[explode, gadget, probability_raw, probability_range_validator, probability\] come from a module given as an instance of Failures: an instance's state \(injected services, constructor arguments\) cannot travel to a worker thread, .*pass the class to the driver instead of an instance, or leave these nodes out of the adapter's "nodes" option/,
    );
    // Left out of `nodes`, the instance's nodes run in this thread.
    expect(() => new Driver({}, [SignalFeatures, new Failures()], { adapter: threads({ nodes: ['signal'] }) })).not.toThrow();
  });

  it('refuses names in `nodes` that the graph does not compute, and a config that cannot be copied', () => {
    expect(() => new Driver({}, SignalFeatures, { adapter: threads({ nodes: ['signal', 'sigal', 'size'] }) })).toThrow(
      /option "nodes" names \[sigal, size\], which the graph does not compute/,
    );
    expect(() => new Driver({ helper: new Gadget() }, SignalFeatures, { adapter: threads() })).toThrow(
      /the driver's config must be copied to worker threads, which rebuild the graph from it, but config\.helper is an instance of Gadget/,
    );
  });

  it(
    'reports a node that no thread module defines, naming the node and the modules',
    async () => {
      const error = await failure(new Driver({}, NotExported, { adapter: threads() }).rawExecute(['ghost'], { inputs: { fuse: 1 } }));
      expect(error).toBeInstanceOf(NodeExecutionError);
      expect(error.message).toBe(
        `node "ghost" (NotExported) failed: node "ghost" is not defined in the thread modules [${FIXTURES.href}] ` +
          "(none of them exports the class NotExported that defines it); export the node's class from one of them, " +
          'or leave the node out of the adapter\'s "nodes" option',
      );
    },
    SLOW,
  );

  it(
    'reports a node whose dependencies differ in the thread modules',
    async () => {
      const error = await failure(new Driver({}, Drift, { adapter: threads() }).rawExecute(['total'], { inputs: { a: 1, b: 2 } }));
      expect(error).toBeInstanceOf(NodeExecutionError);
      expect(error.message).toContain(
        `node "total" differs between the driver and the thread modules [${FIXTURES.href}]: the driver's depends on [a, b], ` +
          "the thread modules' on [a, c]",
      );
    },
    SLOW,
  );

  it(
    'names the node and the value when an argument or a result cannot travel',
    async () => {
      const argument = await failure(
        new Driver({}, Takes, { adapter: threads() }).rawExecute(['weigh'], { inputs: { thing: new Gadget() } }),
      );
      expect(argument).toBeInstanceOf(NodeExecutionError);
      expect(argument.message).toMatch(/^node "weigh" \(Takes\) failed: argument "thing" of node "weigh" is an instance of Gadget/);

      const result = await failure(new Driver({}, Failures, { adapter: threads() }).rawExecute(['gadget'], { inputs: { fuse: 1 } }));
      expect(result).toBeInstanceOf(NodeExecutionError);
      expect(result.message).toMatch(/^node "gadget" \(Failures\) failed: the value of node "gadget" is an instance of Gadget/);
    },
    SLOW,
  );
});
