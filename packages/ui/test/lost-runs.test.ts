// Runs whose process stopped reporting, as both stores read them: failed, naming the process, their
// unfinished nodes failed or skipped, never counted as running; and a store an earlier version made,
// migrated to keep a run's process and last report.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openRunStore, type PlannedNode, type RunDetail, type RunStore } from '../src/index.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../src/store/migrations.js';
import { PROCESS_LOST } from '../src/store/records.js';
import { until } from './support/poll.js';
import { postgresEngine, sqliteEngine } from './support/store-engines.js';
import { finished, heartbeat, input, node, result, started, T0 } from './support/store-events.js';

/** A process whose runs are lost a millisecond after their last report. */
const GONE = { pid: 4242, hostname: 'worker-7', staleAfterMs: 1 };
/** A process whose runs stay live for an hour after their last report. */
const ALIVE = { pid: 4343, hostname: 'worker-8', staleAfterMs: 3_600_000 };

const nodes: PlannedNode[] = [input('x'), node('a', ['x']), node('b', ['a']), node('c', ['b']), node('d', ['a'])];

describe.each([sqliteEngine(), postgresEngine()])('lost runs in the $name store', (engine) => {
  let store: RunStore;

  const readLost = (id: string): Promise<RunDetail> =>
    until(
      async () => (await store.getRun(id))!,
      (run) => run.status === 'failure',
      `run ${id} to be read as lost`,
    );

  beforeAll(async () => {
    await engine.setup();
    store = await openRunStore(await engine.freshUrl());
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await engine.teardown();
  }, 30_000);

  it('reads a run whose process stopped reporting as failed, naming the process and when it was last seen', async () => {
    await store.write([
      started('lost', nodes, { process: GONE }),
      result('lost', 'a', 1),
      result('lost', 'd', 2),
      heartbeat('lost', [
        { name: 'b', startedAt: T0 + 5 },
        { name: 'd', startedAt: T0 + 3 },
      ]),
    ]);
    const run = await readLost('lost');
    expect(run.error).toEqual({ type: PROCESS_LOST, message: expect.stringContaining('pid 4242 on host "worker-7"') });
    expect(run.error!.message).toMatch(/stopped reporting: last seen \d{4}-\d\d-\d\dT[\d:.]+Z, and a run is taken as lost after 0\.001 s/);
    expect(run.durationMs).toEqual(expect.any(Number));
  });

  it('fails the nodes that were running, skips those that never started, and keeps what finished', async () => {
    const run = (await store.getRun('lost'))!;
    expect(run.nodes.map((n) => [n.name, n.status])).toEqual([
      ['a', 'success'],
      ['d', 'failure'],
      ['b', 'failure'],
      ['c', 'skipped'],
    ]);
    const [a, d, b] = run.nodes;
    expect(a.error).toBeUndefined();
    // `d` had finished one item of a Parallelizable block and was running another: it never finished.
    expect(d.error).toEqual({ type: PROCESS_LOST, message: expect.stringContaining('still running when the process') });
    expect(b).toMatchObject({ type: 'number', doc: 'doc of b', startedAtMs: T0 + 5, error: { type: PROCESS_LOST } });
    expect(b.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('lists and counts it as a failure, never as running, while a live run stays running', async () => {
    await store.write([
      started('live', nodes, { process: ALIVE, startedAt: T0 + 1 }),
      heartbeat('live', [{ name: 'a', startedAt: T0 + 2 }]),
    ]);
    await store.write([started('untracked', nodes, { startedAt: T0 - 1 })]);
    const byId = Object.fromEntries((await store.listRuns()).map((r) => [r.id, r]));
    expect(byId.lost).toMatchObject({ status: 'failure', durationMs: expect.any(Number) });
    expect(byId.live).toMatchObject({ status: 'running', durationMs: null });
    // Written without a process (by hand, or before this version): never taken as lost.
    expect(byId.untracked).toMatchObject({ status: 'running', durationMs: null });
    expect((await store.listRuns({ status: 'running' })).map((r) => r.id)).toEqual(['live', 'untracked']);
    expect((await store.listRuns({ status: 'failure' })).map((r) => r.id)).toEqual(['lost']);
    expect(await store.countRuns({ status: 'running' })).toBe(2);
    expect(await store.countRuns({ status: 'failure' })).toBe(1);
    const live = (await store.getRun('live'))!;
    expect(live.error).toBeUndefined();
    expect(live.nodes).toEqual([]);
  });

  it('takes a finish that arrives after all (the process came back) as the run’s status', async () => {
    await store.write([finished('lost', { status: 'success', durationMs: 12 })]);
    const run = (await store.getRun('lost'))!;
    expect(run).toMatchObject({ status: 'success', durationMs: 12 });
    expect(run.error).toBeUndefined();
    expect(run.nodes.map((n) => n.status)).toEqual(['success', 'success']);
  });

  it('migrates a store an earlier version made: its runs stay as they were, new runs carry their process', async () => {
    const url = await engine.freshUrl();
    const [first] = MIGRATIONS;
    await engine.exec(url, [
      MIGRATIONS_TABLE[engine.dialect],
      ...first[engine.dialect],
      `INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '${first.name}', 0)`,
      `INSERT INTO graphs (id, nodes) VALUES ('g', '[]')`,
      `INSERT INTO runs (id, project, status, started_at, outputs, inputs, node_count, graph_id) VALUES ('old', 'p', 'running', ${T0}, '[]', '{}', 1, 'g')`,
    ]);
    const migrated = await openRunStore(url);
    try {
      expect(await engine.exec(url, ['SELECT version FROM schema_migrations ORDER BY version'])).toEqual(
        MIGRATIONS.map((m) => ({ version: m.version })),
      );
      expect(await migrated.getRun('old')).toMatchObject({ status: 'running', durationMs: null, nodes: [] });
      await migrated.write([started('new', [node('a')], { process: GONE })]);
      const lost = await until(
        async () => (await migrated.getRun('new'))!,
        (run) => run.status === 'failure',
        'the new run to be read as lost',
      );
      expect(lost.nodes).toEqual([expect.objectContaining({ name: 'a', status: 'skipped' })]);
      expect(await migrated.countRuns({ status: 'running' })).toBe(1);
    } finally {
      await migrated.close();
    }
  });
});
