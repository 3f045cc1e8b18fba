// What real driver runs, recorded by the TrackingAdapter in SQLite, look like through the JSON API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningUi, serveUi } from '../src/server/index.js';
import type { RunDetail, RunListItem } from '../src/store/records.js';
import { HOSTILE_DOC } from './fixtures/scores-pipeline.js';
import { type TempStore, tempStore } from './support/temp-store.js';
import { trackScoreRuns } from './support/tracked-runs.js';

let temp: TempStore;
let ui: RunningUi;

const getJson = async <T>(path: string): Promise<T> => (await fetch(new URL(path, ui.url))).json() as Promise<T>;

beforeAll(async () => {
  temp = await tempStore();
  // Mean of the scaled scores is 0.55: the second run fails in `label`.
  await trackScoreRuns(temp.store, [1, 0.5, 1]);
  ui = await serveUi({ store: temp.store, port: 0 });
}, 30_000);

afterAll(async () => {
  await ui?.close();
  await temp?.dispose();
});

describe('runs recorded by a TrackingAdapter', () => {
  it('lists the three runs newest first with their statuses and node counts', async () => {
    const runs = await getJson<RunListItem[]>('/api/runs');
    expect(runs.map((r) => r.status)).toEqual(['success', 'failure', 'success']);
    for (const run of runs) {
      expect(run).toMatchObject({ project: 'scores', nodeCount: expect.any(Number) });
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(Date.parse(runs[0]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(runs[2]!.startedAt));
  });

  it('gives the failed run its error with the stack, node statuses, docs, tags and summaries', async () => {
    const [, failed] = await getJson<RunListItem[]>('/api/runs');
    const run = await getJson<RunDetail>(`/api/runs/${failed!.id}`);
    expect(run.status).toBe('failure');
    expect(run.outputs).toEqual(['label']);
    expect(run.inputs.scores).toMatchObject({ kind: 'array', type: 'Float64Array', length: 1000, min: 1, max: 10 });
    const byName = Object.fromEntries(run.nodes.map((n) => [n.name, n]));
    expect(byName.scaled).toMatchObject({ status: 'success', summary: { type: 'Float64Array', length: 1000, max: 1 } });
    expect(byName.meanScore).toMatchObject({ status: 'success', tags: { stage: 'summary' }, summary: { kind: 'number' } });
    expect(byName.label).toMatchObject({
      status: 'failure',
      doc: HOSTILE_DOC,
      error: { type: 'RangeError', message: expect.stringContaining('above 0.5') },
    });
    expect(byName.label!.error!.stack).toMatch(/RangeError: mean score 0\.550 is above 0\.5\n\s+at /);
  });

  it('gives the planned graph with dependencies and code locations, and draws it', async () => {
    const [latest] = await getJson<RunListItem[]>('/api/runs');
    const graph = await getJson<{
      nodes: { name: string; dependencies: string[]; location?: string; isInput?: boolean }[];
      picture: { svg?: string };
    }>(`/api/runs/${latest!.id}/graph`);
    const byName = Object.fromEntries(graph.nodes.map((n) => [n.name, n]));
    expect(byName.label!.dependencies).toEqual(['meanScore', 'failOn']);
    expect(byName.label!.location).toContain('ScoresPipeline');
    expect(byName.scores!.isInput).toBe(true);
    expect(graph.picture.svg).toContain('class="node"');
  });
});
