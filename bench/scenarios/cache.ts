import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver } from '@hamilton-ts/core';
import { arrayChain } from '../fixtures/array-chains.js';
import { handWritten } from '../fixtures/generate-class.js';
import { compare, measure } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';
import { type Summary, summarize } from '../harness/stats.js';

const NODES = 10_000;
const LENGTH = 1_000;

/**
 * The cache on the realistic chain: a fully cached rerun and a cold run, each against computing without a
 * cache. Results are written in the background, so the cold run is timed twice: until `execute` resolves
 * (what a caller waits for) and until the writes are flushed too (the whole cost).
 */
const scenario: Scenario = {
  id: 'cache',
  title: 'Caching: the realistic 10k-node chain, cold and fully cached; fingerprinting 8 MB',
  description:
    `The ${NODES.toLocaleString('en-US')}-node chain of ${LENGTH.toLocaleString('en-US')}-element Float64Array transforms (as in "Realistic nodes"), ` +
    'run by an uncached driver, by a cached driver on an empty cache directory (cold: the same driver each time, its cache cleared before; ' +
    'every result copied for the background writer, which fingerprints and keys it; timed until execute resolves, and again until dr.cache.flush() has written every file and entry), ' +
    'by new drivers on their first run, cached and uncached, ' +
    'and by a cached driver whose every node hits (rerun, after its first run was flushed). ' +
    'The floors run the chain by hand, with and without copying each result into shared memory, in alternation: into a 256 KB ring, and into chunks that hold every copy of the run. ' +
    'Fingerprinting is timed on a 1M-double Float64Array through the cache of a one-node driver.',
  order: 95,
  async run(ctx) {
    const chain = arrayChain(NODES);
    const x = new Float64Array(LENGTH).fill(1);
    const samples = ctx.quick ? 3 : 7;
    const root = mkdtempSync(join(tmpdir(), 'hamilton-bench-cache-'));
    try {
      // Timed apart, not alternated with `compare`: a cold run leaves 80 MB of writes and garbage behind, which
      // slowed the uncached runs next to it several-fold and made both ratios look better than they are.
      const plain = new Driver({}, chain.module);
      const computing = await measure(() => plain.rawExecute(chain.outputs, { inputs: { x } }), { warmup: 2, samples, batch: 1 });

      const warm = new Driver({}, chain.module, { cache: { path: join(root, 'warm') } });
      await warm.rawExecute(chain.outputs, { inputs: { x } });
      await warm.cache.flush();
      const rerun = await measure(() => warm.rawExecute(chain.outputs, { inputs: { x } }), { warmup: 2, samples, batch: 1 });
      ctx.record({
        label: 'fully cached rerun ÷ computing, 10k chain',
        value: rerun.median / computing.median,
        unit: '×',
        spread: { min: rerun.min / computing.median, max: rerun.max / computing.median },
        target: 'cache-rerun',
        note: `rerun ${rerun.median.toFixed(1)} ms, computing ${computing.median.toFixed(1)} ms (${(computing.median / rerun.median).toFixed(1)}× faster)`,
      });

      // The same driver for every cold sample, its cache cleared before each: the first run of a new driver
      // also builds its plan and code versions, which an uncached driver's warm runs do not pay either.
      const coldDriver = new Driver({}, chain.module, { cache: { path: join(root, 'cold') } });
      const { cold, flushed } = await coldRuns(samples, async () => {
        await coldDriver.cache.clear();
        return { run: () => coldDriver.rawExecute(chain.outputs, { inputs: { x } }), flush: () => coldDriver.cache.flush() };
      });
      ctx.record({
        label: 'cold cached run ÷ uncached run, 10k chain',
        value: cold.median / computing.median,
        unit: '×',
        spread: { min: cold.min / computing.median, max: cold.max / computing.median },
        target: 'cache-cold',
        note: `cold ${cold.median.toFixed(1)} ms until execute resolves (10,000 results queued), uncached ${computing.median.toFixed(1)} ms`,
      });
      ctx.record({
        label: 'cold cached run + flush ÷ uncached run, 10k chain',
        value: flushed.median / computing.median,
        unit: '×',
        spread: { min: flushed.min / computing.median, max: flushed.max / computing.median },
        note: `cold run + flush ${flushed.median.toFixed(1)} ms (10,000 result files and entries written)`,
      });

      // The first run of a newly built driver, cached on an empty directory and uncached, as a script runs once.
      const firsts = await firstRuns(
        samples,
        (round) => ({
          cached: new Driver({}, chain.module, { cache: { path: join(root, `first-${round}`) } }),
          plain: new Driver({}, chain.module),
        }),
        (dr) => dr.rawExecute(chain.outputs, { inputs: { x } }),
      );
      ctx.record({
        label: 'first run of a new driver, cached on an empty directory ÷ uncached, 10k chain',
        value: firsts.cached.median / firsts.plain.median,
        unit: '×',
        spread: { min: firsts.cached.min / firsts.plain.median, max: firsts.cached.max / firsts.plain.median },
        note: `cached ${firsts.cached.median.toFixed(1)} ms until execute resolves, uncached ${firsts.plain.median.toFixed(1)} ms (each builds its plan; the cached one also versions its code)`,
      });

      for (const held of [false, true]) {
        const floor = await compare(copyingByHand(chain, x, held), byHand(chain, x), { warmup: 2, samples: ctx.quick ? 7 : 21, batch: 1 });
        const into = held
          ? `into ${HELD_CHUNKS} chunks of 4 MB of shared memory, reused from run to run, as a write-behind cache holds its copies until their files are written`
          : 'into a 256 KB ring of shared memory, which stays in cache';
        ctx.record({
          label: `floor: the chain by hand, each result copied as it returns ${held ? 'and held' : 'into a small ring'} ÷ the chain by hand`,
          value: floor.ratio.median,
          unit: '×',
          spread: floor.ratio,
          note:
            `${floor.subject.median.toFixed(1)} ms against ${floor.baseline.median.toFixed(1)} ms: each 8 KB result copied ${into}, ` +
            'with no cache, writer or fingerprint: what the snapshot a cold run takes of every result costs at the least',
        });
      }

      const big = new Float64Array(1_000_000).map((_, i) => Math.sin(i));
      const { Fingerprinter, loadHasher } = await fingerprintParts();
      const fingerprints = new Fingerprinter(await loadHasher());
      const hashing = await measure(() => fingerprints.of(big), { warmup: 3, samples: ctx.quick ? 7 : 21, batch: 1 });
      ctx.record({
        label: 'fingerprint of a 1M-double Float64Array',
        value: hashing.median,
        unit: 'ms',
        spread: hashing,
        target: 'cache-fingerprint',
        note: `${(8 / hashing.median).toFixed(2)} GB/s (XXH3-128, hash-wasm)`,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

/**
 * Cold runs, each on an empty cache directory: timed until the run resolves, and until its writes are
 * flushed. Every run is flushed before the next starts, so none runs beside the previous one's writes.
 */
async function coldRuns(
  samples: number,
  make: (round: number) => Promise<{ run: () => Promise<unknown>; flush: () => Promise<void> }>,
): Promise<{ cold: Summary; flushed: Summary }> {
  const cold: number[] = [];
  const flushed: number[] = [];
  for (let round = 0; round <= samples; round++) {
    const { run, flush } = await make(round);
    const start = performance.now();
    await run();
    const ran = performance.now();
    await flush();
    const done = performance.now();
    if (round === 0) continue; // warm-up, as measure() does
    cold.push(ran - start);
    flushed.push(done - start);
  }
  return { cold: summarize(cold), flushed: summarize(flushed) };
}

/** First runs of new drivers, cached and uncached in turn; each cached one is flushed before the next run. */
async function firstRuns(
  samples: number,
  make: (round: number) => { cached: Driver; plain: Driver },
  run: (dr: Driver) => Promise<unknown>,
): Promise<{ cached: Summary; plain: Summary }> {
  const cached: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round <= samples; round++) {
    const drivers = make(round);
    let start = performance.now();
    await run(drivers.plain);
    if (round > 0) plain.push(performance.now() - start);
    start = performance.now();
    await run(drivers.cached);
    if (round > 0) cached.push(performance.now() - start);
    await drivers.cached.cache.flush();
  }
  return { cached: summarize(cached), plain: summarize(plain) };
}

/** The chain by hand (`arrayChain`'s `byHand`), on one instance. */
function byHand(chain: ReturnType<typeof arrayChain>, x: Float64Array): () => Float64Array {
  const instance = new chain.module();
  return () => chain.byHand(instance, x);
}

/** Bytes per chunk of held copies, as the cache's staging area allocates them. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Enough chunks to hold every copy of one run, and one more. */
const HELD_CHUNKS = Math.ceil((NODES * LENGTH * 8) / CHUNK_BYTES) + 1;

/**
 * The chain by hand, each result copied into shared memory as it returns: the snapshot a cold cached
 * run takes of every result. Into a ring small enough to stay in the core's cache (the cheapest form), or
 * `held`: into chunks that keep every copy of the run, as copies wait for their files to be written.
 */
function copyingByHand(chain: ReturnType<typeof arrayChain>, x: Float64Array, held: boolean): () => Float64Array {
  const instance = new chain.module();
  const size = held ? CHUNK_BYTES : 256 * 1024;
  const chunks = Array.from({ length: held ? HELD_CHUNKS : 1 }, () => new Uint8Array(new SharedArrayBuffer(size)));
  let chunk = 0;
  let at = 0;
  const copy = (v: Float64Array) => {
    if (at + v.byteLength > size) {
      chunk = (chunk + 1) % chunks.length;
      at = 0;
    }
    chunks[chunk].set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
    at += v.byteLength;
  };
  const nodes = chain.methods.filter((m) => m.isNode !== false);
  const run = handWritten<[Float64Array, typeof copy], Float64Array>(
    ['x', 'copy'],
    ['let v = x;', ...nodes.map((m) => `v = self.${m.name}(v); copy(v);`)],
    'v',
  );
  return () => run(instance, x, copy);
}

/** The fingerprinter is internal to core: reached by its source path, as the bench runs from source. */
async function fingerprintParts() {
  const { Fingerprinter } = await import('../../packages/core/src/cache/fingerprint.js');
  const { loadHasher } = await import('../../packages/core/src/cache/hasher.js');
  return { Fingerprinter, loadHasher };
}

export default scenario;
