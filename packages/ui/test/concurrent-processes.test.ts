// Several processes tracking runs into one store at the same moment, each migrating it first: every
// run and every node must be there, for SQLite (one file) and Postgres (one database).
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBarrierProcess } from '../../core/test/support/barrier-process.js';
import { openRunStore } from '../src/index.js';
import { type PostgresServer, startPostgresServer } from './support/postgres-server.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/track-runs.ts', import.meta.url));
const PROCESSES = 4;
const RUNS = 12;
// Each child transpiles the packages it imports: allow for it on a busy machine.
const SLOW = 120_000;

const children = new Set<ChildProcess>();
let dir: string;
let server: PostgresServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamilton-ui-processes-'));
  server = await startPostgresServer();
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Child {
  readonly ready: Promise<void>;
  readonly done: Promise<{ warnings: string[]; dropped: number }>;
  go(): void;
}

function start(url: string, project: string): Child {
  const child = startBarrierProcess(SCRIPT, { url, project, runs: RUNS }, children);
  const done = child.done.then((stdout) => {
    const line = /done (.*)\n/.exec(stdout)?.[1];
    if (!line) throw new Error(`track-runs.ts printed no "done" line\nstdout: ${stdout}`);
    return JSON.parse(line) as { warnings: string[]; dropped: number };
  });
  return { ...child, done };
}

/** Starts the processes, lets them all go at once, and checks the store holds every run, whole. */
async function trackFromProcesses(url: string): Promise<void> {
  const projects = Array.from({ length: PROCESSES }, (_, i) => `process-${i}`);
  const started = projects.map((project) => start(url, project));
  await Promise.all(started.map((c) => c.ready));
  for (const c of started) c.go();
  const outcomes = await Promise.all(started.map((c) => c.done));
  for (const outcome of outcomes) expect(outcome).toEqual({ warnings: [], dropped: 0 });

  const store = await openRunStore(url);
  try {
    expect(await store.countRuns()).toBe(PROCESSES * RUNS);
    expect(await store.projects()).toEqual(projects);
    for (const project of projects) {
      const runs = await store.listRuns({ project, limit: 500 });
      expect(runs).toHaveLength(RUNS);
      for (const listed of runs) {
        const run = (await store.getRun(listed.id))!;
        expect(run.status).toBe('success');
        if (run.outputs.includes('sum')) {
          expect(run.nodes.map((n) => [n.name, n.status, n.executions ?? 1]).sort()).toEqual([
            ['double', 'success', 10],
            ['fragile', 'success', 10],
            ['items', 'success', 1],
            ['sum', 'success', 1],
          ]);
        } else {
          expect(run.nodes.map((n) => n.name).sort()).toEqual(['checked', 'mean', 'report', 'spendUsd', 'total']);
          expect(run.nodes.every((n) => n.status === 'success')).toBe(true);
        }
      }
    }
  } finally {
    await store.close();
  }
}

describe('runs tracked from several processes at once', () => {
  it('all land in one SQLite file', () => trackFromProcesses(`sqlite:${join(dir, 'shared', 'runs.db')}`), SLOW);

  it('all land in one Postgres database', async () => trackFromProcesses(await server.createDatabase('shared')), SLOW);
});
