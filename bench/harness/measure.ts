import { type Summary, summarize } from './stats.js';

/** How to time a function. */
export interface MeasureOptions {
  /** Untimed calls first, so the JIT has seen the code and caches are filled. */
  readonly warmup: number;
  /** Timed samples; the summary is over these. */
  readonly samples: number;
  /**
   * Calls per sample; `'auto'` picks enough calls for a sample to last about `minSampleMs`, so
   * microsecond operations are not lost in timer resolution. Each figure is the time of one call.
   */
  readonly batch?: number | 'auto';
  readonly minSampleMs?: number;
}
// No option to force a collection before each sample, on purpose: the sample after a forced full
// collection runs markedly slower (V8 shrinks its heap, then grows it back). Measured here: a 2-node
// execute() of 2.6 µs took 7–11 µs that way, a 1k-node build 1.7 instead of 0.9 µs/node. Garbage
// left by one sample is collected during another; alternation and medians even that out.

/** A function under measurement; its promise, if it returns one, is awaited inside the timing. */
export type Measured = () => unknown;

const gc = (globalThis as { gc?: () => void }).gc;

/** Forces a garbage collection when node runs with --expose-gc (a no-op otherwise). */
export function collectGarbage(): void {
  gc?.();
}

/** Milliseconds taken by `calls` calls of `fn`, awaiting only the results that are promises. */
export async function timeCalls(fn: Measured, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  return performance.now() - start;
}

/** Calls per sample such that one sample lasts about `minSampleMs`. */
export async function calibrate(fn: Measured, minSampleMs: number): Promise<number> {
  let calls = 1;
  for (;;) {
    const ms = await timeCalls(fn, calls);
    if (ms >= minSampleMs || calls >= 1 << 20) return Math.max(1, Math.round((calls * minSampleMs) / Math.max(ms, 1e-3)));
    calls *= ms < minSampleMs / 10 ? 10 : 2;
  }
}

/** Milliseconds per call: median, min and max over the samples. */
export async function measure(fn: Measured, options: MeasureOptions): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const calls = await callsPerSample(fn, options);
  const perCall: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    perCall.push((await timeCalls(fn, calls)) / calls);
  }
  return summarize(perCall);
}

/** Two functions timed in alternation, and the ratio subject / baseline of each pair of samples. */
export interface Comparison {
  readonly subject: Summary;
  readonly baseline: Summary;
  readonly ratio: Summary;
}

/**
 * Times `subject` and `baseline` in alternating samples within one process, so drift in machine
 * speed (other processes, thermal state) hits both alike; the ratio is taken per pair of samples.
 */
export async function compare(subject: Measured, baseline: Measured, options: MeasureOptions): Promise<Comparison> {
  for (let i = 0; i < options.warmup; i++) {
    await subject();
    await baseline();
  }
  const subjectCalls = await callsPerSample(subject, options);
  const baselineCalls = await callsPerSample(baseline, options);
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    // Alternate which goes first, so neither always runs right after a collection.
    const order = i % 2 === 0 ? ['s', 'b'] : ['b', 's'];
    for (const which of order) {
      if (which === 's') s.push((await timeCalls(subject, subjectCalls)) / subjectCalls);
      else b.push((await timeCalls(baseline, baselineCalls)) / baselineCalls);
    }
  }
  return { subject: summarize(s), baseline: summarize(b), ratio: summarize(s.map((v, i) => v / b[i])) };
}

async function callsPerSample(fn: Measured, options: MeasureOptions): Promise<number> {
  const batch = options.batch ?? 1;
  return batch === 'auto' ? calibrate(fn, options.minSampleMs ?? 20) : batch;
}
