// A process killed in the middle of a tracked run (SIGKILL: no hook, no flush runs): the run it leaves
// `running` in the store is read, by the store and through the JSON API, as a failure that names the
// process, with the node it was running failed and the one it never started skipped.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBarrierProcess } from '../../core/test/support/barrier-process.js';
import { openRunStore, type RunDetail, type RunListItem, type RunStore } from '../src/index.js';
import { type RunningUi, serveUi } from '../src/server/index.js';
import { PROCESS_LOST } from '../src/store/records.js';
import { until } from './support/poll.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/hanging-run.ts', import.meta.url));
// The child transpiles the packages it imports: allow for it on a busy machine.
const SLOW = 120_000;

const children = new Set<ChildProcess>();
let dir: string;
let store: RunStore;
let ui: RunningUi | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamilton-ui-killed-'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await ui?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a process killed during a tracked run', () => {
  it(
    'leaves a run that reads as failed, naming the process, its running node failed, the rest skipped',
    async () => {
      const url = `sqlite:${join(dir, 'runs.db')}`;
      const child = startBarrierProcess(SCRIPT, { url }, children);
      await child.ready;
      const [process] = children;
      store = await openRunStore(url);

      const [listed] = await store.listRuns();
      expect(listed).toMatchObject({ project: 'killed', status: 'running', durationMs: null });
      expect((await store.getRun(listed.id))!.nodes.map((n) => [n.name, n.status])).toEqual([['a', 'success']]);

      process!.kill('SIGKILL');
      await expect(child.done).rejects.toThrow(/exited with SIGKILL/);
      const run = await until(
        async () => (await store.getRun(listed.id))!,
        (r) => r.status === 'failure',
        'the killed run to be read as lost',
      );
      expect(run.error).toEqual({ type: PROCESS_LOST, message: expect.stringContaining(`pid ${process!.pid} on host "${hostname()}"`) });
      expect(run.error!.message).toMatch(/stopped reporting: last seen .*, and a run is taken as lost after 1 s without a report/);
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
      expect(run.nodes.map((n) => [n.name, n.status])).toEqual([
        ['a', 'success'],
        ['hang', 'failure'],
        ['after', 'skipped'],
      ]);
      const hang = run.nodes[1];
      expect(hang.error).toMatchObject({ type: PROCESS_LOST, message: expect.stringContaining('still running when the process') });
      expect(hang.startedAtMs).toBeGreaterThanOrEqual(Date.parse(run.startedAt));

      ui = await serveUi({ store, port: 0 });
      const get = async <T>(path: string) => (await fetch(new URL(path, ui!.url))).json() as Promise<T>;
      expect(await get<RunListItem[]>('/api/runs')).toEqual([expect.objectContaining({ id: run.id, status: 'failure' })]);
      expect(await get<RunListItem[]>('/api/runs?status=running')).toEqual([]);
      expect((await get<RunListItem[]>('/api/runs?status=failure')).map((r) => r.id)).toEqual([run.id]);
      expect(await get<RunDetail>(`/api/runs/${run.id}`)).toEqual(run);
    },
    SLOW,
  );
});
