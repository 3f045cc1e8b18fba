import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Builder, node } from '../../src/index.js';
import { startBarrierProcess } from '../support/barrier-process.js';
import { cacheDirectory } from './cache-support.js';
import { expectedOutputs, ran, SlowPipeline } from './fixtures/slow-pipeline.js';

class Unrelated {
  @node() echo(word: string): string {
    return word;
  }
}

// The cache shared by processes: fixtures/run-cached.ts runs SlowPipeline through a cached driver in a
// child process (started the way `npm start` runs TypeScript) and prints what it got.

const SCRIPT = fileURLToPath(new URL('./fixtures/run-cached.ts', import.meta.url));
const NODES = ['revenue', 'smoothed', 'total', 'peak', 'summary'];

interface Inputs {
  readonly prices: number[];
  readonly quantity: number;
  readonly label: string;
}

/** What run-cached.ts prints. */
interface ChildResult {
  readonly outputs: Record<string, unknown>;
  readonly typedArrays: string[];
  readonly statuses: Record<string, string>;
  readonly ran: string[];
}

const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A started run-cached.ts process; `ready` resolves when it waits at the barrier (when asked to). */
interface Child {
  readonly ready: Promise<void>;
  readonly done: Promise<ChildResult>;
  go(): void;
}

function start(path: string, inputs: Inputs, barrier = false, close = true): Child {
  const child = startBarrierProcess(SCRIPT, { path, inputs, barrier, close }, children);
  const done = child.done.then((stdout) => {
    const line = stdout.replace(/^ready\n/, '').trim();
    if (!line) throw new Error(`run-cached.ts printed no result\nstdout: ${stdout}`);
    return JSON.parse(line) as ChildResult;
  });
  return { ...child, done };
}

/** Runs one process to its end; with `close` false, the script ends without closing or flushing the cache. */
function run(path: string, inputs: Inputs, close = true): Promise<ChildResult> {
  const child = start(path, inputs, false, close);
  child.go();
  return child.done;
}

/** Starts the processes, and once all wait at the barrier, lets them run at the same moment. */
async function runTogether(path: string, inputs: readonly Inputs[]): Promise<ChildResult[]> {
  const started = inputs.map((i) => start(path, i, true));
  await Promise.all(started.map((c) => c.ready));
  for (const c of started) c.go();
  return Promise.all(started.map((c) => c.done));
}

/** The outputs as run-cached.ts prints them (typed arrays as arrays). */
function expected(inputs: Inputs): Record<string, unknown> {
  return expectedOutputs(inputs.prices, inputs.quantity, inputs.label);
}

const every = (status: string) => Object.fromEntries(NODES.map((name) => [name, status]));

/** Files under the cache directory whose names end in .tmp (writes that were never renamed into place). */
function temporaries(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

const INPUTS: Inputs = { prices: [1.5, 2, 3.25, 8], quantity: 3, label: 'week 1' };

let dir: ReturnType<typeof cacheDirectory>;
beforeEach(() => {
  dir = cacheDirectory();
});
afterEach(() => dir.cleanup());

describe('a cache directory shared by processes', () => {
  it('keeps what one process computed for the next', async () => {
    const first = await run(dir.path, INPUTS);
    expect(first.outputs).toEqual(expected(INPUTS));
    expect(first.statuses).toEqual(every('miss'));
    expect([...first.ran].sort()).toEqual([...NODES].sort());

    const second = await run(dir.path, INPUTS);
    expect(second.statuses).toEqual(every('hit'));
    expect(second.ran).toEqual([]);
    expect(second.outputs).toEqual(first.outputs);
    expect(second.typedArrays).toEqual(['revenue', 'smoothed']);
  }, 60_000);

  it('serves processes that compute the same results at once, then hits for the next one', async () => {
    const results = await runTogether(dir.path, [INPUTS, INPUTS, INPUTS, INPUTS]);
    for (const result of results) {
      expect(result.outputs).toEqual(expected(INPUTS));
      expect(result.typedArrays).toEqual(['revenue', 'smoothed']);
      // Each node was computed, or read from another process's finished write.
      for (const name of NODES) expect(['miss', 'hit']).toContain(result.statuses[name]);
      expect([...result.ran].sort()).toEqual(NODES.filter((name) => result.statuses[name] === 'miss').sort());
    }
    expect(temporaries(dir.path)).toEqual([]);

    const after = await run(dir.path, INPUTS);
    expect(after.statuses).toEqual(every('hit'));
    expect(after.ran).toEqual([]);
    expect(after.outputs).toEqual(expected(INPUTS));
    expect(temporaries(dir.path)).toEqual([]);
    // One file per distinct result: the processes wrote the same files, not copies.
    expect(readdirSync(join(dir.path, 'results'))).toHaveLength(NODES.length);
  }, 60_000);

  it('gives processes running different inputs at once their own results', async () => {
    const inputs: Inputs[] = [
      { prices: [1, 2, 3], quantity: 2, label: 'a' },
      { prices: [10, 20], quantity: 0.5, label: 'b' },
      { prices: [7, -1, 4, 4.5], quantity: 3, label: 'c' },
    ];
    const results = await runTogether(dir.path, inputs);
    results.forEach((result, i) => {
      expect(result.outputs).toEqual(expected(inputs[i]));
      expect(result.statuses).toEqual(every('miss'));
    });
    expect(temporaries(dir.path)).toEqual([]);

    // Each process's results were stored under its own keys: run again together, every process hits.
    const again = await runTogether(dir.path, inputs);
    again.forEach((result, i) => {
      expect(result.outputs).toEqual(expected(inputs[i]));
      expect(result.statuses).toEqual(every('hit'));
      expect(result.ran).toEqual([]);
    });
  }, 60_000);

  it('finds what this process flushed', async () => {
    const dr = new Builder().withModules(SlowPipeline).withCache({ path: dir.path }).build();
    const inputs = { prices: Float64Array.from(INPUTS.prices), quantity: INPUTS.quantity, label: INPUTS.label };
    await dr.rawExecute(NODES, { inputs });
    await dr.cache.flush();
    const child = await run(dir.path, INPUTS);
    expect(child.statuses).toEqual(every('hit'));
    expect(child.ran).toEqual([]);
    expect(child.outputs).toEqual(expected(INPUTS));
  }, 60_000);

  it('finds the nodes another process stored after this one read which nodes the directory holds', async () => {
    const reader = new Builder().withModules(Unrelated).withCache({ path: dir.path }).build();
    await reader.rawExecute(['echo'], { inputs: { word: 'hello' } }); // reads the stored names: none of SlowPipeline's
    expect((await run(dir.path, INPUTS)).statuses).toEqual(every('miss'));
    const dr = new Builder().withModules(SlowPipeline).withCache({ path: dir.path }).build();
    ran.length = 0;
    const inputs = { prices: Float64Array.from(INPUTS.prices), quantity: INPUTS.quantity, label: INPUTS.label };
    await dr.rawExecute(NODES, { inputs });
    expect(ran).toEqual([]);
    expect(Object.fromEntries(Object.entries(dr.cache.lastRun.nodes).map(([name, r]) => [name, r.status]))).toEqual(every('hit'));
  }, 60_000);

  it('gets every write of a script that ends without flushing', async () => {
    const first = await run(dir.path, INPUTS, false);
    expect(first.statuses).toEqual(every('miss'));
    expect(readdirSync(join(dir.path, 'results'))).toHaveLength(NODES.length);
    expect(temporaries(dir.path)).toEqual([]);
    const second = await run(dir.path, INPUTS);
    expect(second.statuses).toEqual(every('hit'));
    expect(second.ran).toEqual([]);
    expect(second.outputs).toEqual(expected(INPUTS));
  }, 60_000);
});
