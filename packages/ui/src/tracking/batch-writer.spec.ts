import { describe, expect, it } from '@jest/globals';
import type { TrackingEvent } from '../store/records.js';
import type { RunStore } from '../store/run-store.js';
import { BatchWriter, type BatchWriterOptions } from './batch-writer.js';

/** A store that records the batches it is given, and fails while `down` is set. */
function fakeStore() {
  const batches: TrackingEvent[][] = [];
  const state = { down: false as boolean | Error, calls: 0 };
  const store = {
    async write(events: readonly TrackingEvent[]) {
      state.calls++;
      if (state.down) throw state.down instanceof Error ? state.down : new Error('connection refused');
      batches.push([...events]);
    },
  } as unknown as RunStore;
  return { store, batches, state };
}

const finishedEvent = (i: number): TrackingEvent => ({ kind: 'run-finished', runId: `r${i}`, status: 'success', durationMs: i });
const heartbeatEvent = (runId: string): TrackingEvent => ({ kind: 'heartbeat', runId, inFlight: [] });

function writer(store: RunStore, options: Partial<BatchWriterOptions> = {}, warnings: string[] = []) {
  return new BatchWriter(async () => store, {
    url: 'sqlite:/tmp/runs.db',
    flushIntervalMs: 60_000,
    batchSize: 3,
    maxBacklog: 5,
    warn: (m) => warnings.push(m),
    ...options,
  });
}

describe('BatchWriter', () => {
  it('only queues on push, and flush writes in order, in batches of about batchSize rows', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store);
    for (let i = 0; i < 7; i++) w.push(finishedEvent(i));
    expect(batches).toEqual([]);
    expect(w.pending).toBe(7);
    await w.flush();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat()).toEqual(Array.from({ length: 7 }, (_, i) => finishedEvent(i)));
    expect(w.pending).toBe(0);
    await w.close();
  });

  it('counts a run start as one row per planned node, but never sends an empty batch', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store);
    const nodes = Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, type: 'number', doc: '', tags: {}, dependencies: [] }));
    w.push({ kind: 'run-started', runId: 'r', project: 'p', startedAt: 0, outputs: [], inputs: {}, nodes });
    w.push(finishedEvent(1));
    await w.flush();
    expect(batches.map((b) => b.length)).toEqual([1, 1]);
    await w.close();
  });

  it('writes on its own once the interval has passed', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store, { flushIntervalMs: 5 });
    w.push(finishedEvent(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(batches).toEqual([[finishedEvent(1)]]);
    await w.close();
  });

  it('keeps events while the store fails, warns once naming the store, and sends the failed batch again as it was', async () => {
    const { store, batches, state } = fakeStore();
    const warnings: string[] = [];
    const w = writer(store, {}, warnings);
    state.down = true;
    w.push(finishedEvent(1));
    w.push(finishedEvent(2));
    await w.flush();
    w.push(finishedEvent(3));
    await w.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('cannot write runs to "sqlite:/tmp/runs.db" (connection refused)');
    expect(warnings[0]).toMatch(/Runs go on/);
    expect(w.pending).toBe(3);
    state.down = false;
    await w.flush();
    // The first batch is the one that failed, not extended by the event pushed meanwhile.
    expect(batches).toEqual([[finishedEvent(1), finishedEvent(2)], [finishedEvent(3)]]);
    await w.close();
  });

  it('treats a store that cannot be opened like one that fails', async () => {
    const warnings: string[] = [];
    const w = new BatchWriter(() => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:5432')), {
      url: 'postgres://app@127.0.0.1:5432/runs',
      flushIntervalMs: 60_000,
      batchSize: 10,
      maxBacklog: 10,
      warn: (m) => warnings.push(m),
    });
    w.push(finishedEvent(1));
    await expect(w.flush()).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('"postgres://app@127.0.0.1:5432/runs" (ECONNREFUSED 127.0.0.1:5432)')]);
    await w.close();
  });

  it('bounds the backlog while the store fails: later events are dropped, with one warning', async () => {
    const { store, state } = fakeStore();
    const warnings: string[] = [];
    const w = writer(store, { maxBacklog: 5 }, warnings);
    state.down = true;
    w.push(finishedEvent(0));
    await w.flush();
    for (let i = 1; i < 10; i++) w.push(finishedEvent(i));
    expect(w.pending).toBe(5);
    expect(w.droppedEvents).toBe(5);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/are being dropped/);
    await w.close();
  });

  it('does not bound the queue while the store is healthy (a long synchronous run must not lose events)', async () => {
    const { store, batches } = fakeStore();
    const w = writer(store, { maxBacklog: 2, batchSize: 100 });
    for (let i = 0; i < 50; i++) w.push(finishedEvent(i));
    expect(w.pending).toBe(50);
    await w.flush();
    expect(batches.flat()).toHaveLength(50);
    await w.close();
  });

  it('on close, drops what the store still refuses, warns, and refuses later events', async () => {
    const { store, state } = fakeStore();
    const warnings: string[] = [];
    const w = writer(store, {}, warnings);
    state.down = true;
    w.push(finishedEvent(1));
    await w.close();
    expect(w.droppedEvents).toBe(1);
    expect(w.pending).toBe(0);
    w.push(finishedEvent(2));
    expect(w.droppedEvents).toBe(2);
    expect(warnings.filter((m) => /dropped/.test(m))).toHaveLength(1);
  });

  it('survives a warn function that throws', async () => {
    const { store, state } = fakeStore();
    const w = writer(store, {
      warn: () => {
        throw new Error('logger broke');
      },
    });
    state.down = true;
    w.push(finishedEvent(1));
    await expect(w.flush()).resolves.toBeUndefined();
    await expect(w.close()).resolves.toBeUndefined();
  });

  it('adds the heartbeats of the runs in progress to every write, fresh each time', async () => {
    const { store, batches } = fakeStore();
    let beats = 0;
    const w = writer(store, { heartbeats: () => [heartbeatEvent(`beat-${++beats}`)] });
    for (let i = 0; i < 4; i++) w.push(finishedEvent(i));
    await w.flush();
    expect(batches).toEqual([
      [finishedEvent(0), finishedEvent(1), finishedEvent(2), heartbeatEvent('beat-1')],
      [finishedEvent(3), heartbeatEvent('beat-2')],
    ]);
    await w.close();
  });

  it('beat() writes the heartbeats alone when nothing is queued, and nothing when no run is in progress', async () => {
    const { store, batches } = fakeStore();
    let running: TrackingEvent[] = [heartbeatEvent('r')];
    const w = writer(store, { heartbeats: () => running });
    w.beat();
    await w.flush();
    expect(batches).toEqual([[heartbeatEvent('r')]]);
    running = [];
    w.beat();
    await w.flush();
    expect(batches).toHaveLength(1);
    await w.close();
  });

  it('beat() writes what is queued at once, but waits out the back-off of a failing store', async () => {
    const { store, batches, state } = fakeStore();
    const w = writer(store, { heartbeats: () => [heartbeatEvent('r')] });
    w.push(finishedEvent(1));
    w.beat();
    await w.flush();
    expect(batches).toEqual([[finishedEvent(1), heartbeatEvent('r')]]);
    state.down = true;
    w.push(finishedEvent(2));
    await w.flush();
    w.beat(); // a retry is scheduled: no write before it
    expect(state.calls).toBe(2);
    state.down = false;
    await w.flush();
    expect(batches.at(-1)).toEqual([finishedEvent(2), heartbeatEvent('r')]);
    await w.close();
  });

  it('beat() tries heartbeats that failed alone again at the next beat', async () => {
    const { store, batches, state } = fakeStore();
    const w = writer(store, { heartbeats: () => [heartbeatEvent('r')] });
    state.down = true;
    w.beat();
    await w.flush();
    expect(state.calls).toBe(1);
    state.down = false;
    w.beat();
    await w.flush();
    expect(batches).toEqual([[heartbeatEvent('r')]]);
    await w.close();
  });

  it('retries on its own, backing off, and writes once the store is back', async () => {
    const { store, batches, state } = fakeStore();
    const w = writer(store, { flushIntervalMs: 5 });
    state.down = true;
    w.push(finishedEvent(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(state.calls).toBeGreaterThanOrEqual(1);
    state.down = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([[finishedEvent(1)]]);
    await w.close();
  });
});
