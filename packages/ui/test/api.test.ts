// The JSON API over real HTTP, against a SQLite store holding runs written as tracking events.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningUi, serveUi } from '../src/server/index.js';
import { PICTURE_NODE_LIMIT } from '../src/server/ui.constants.js';
import type { RunDetail, RunListItem } from '../src/store/records.js';
import { summarize } from '../src/summary/summarize.js';
import { rawGet } from './support/http-get.js';
import { chain, planned, runEvents } from './support/run-events.js';
import { finished, node, result, started } from './support/store-events.js';
import { type TempStore, tempStore } from './support/temp-store.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const HOSTILE = '<script>alert("name")</script>';
const BULK = 120;
/** Every run the store holds: the bulk ones, and five of their own. */
const RUNS = BULK + 5;
/** A summary whose min, max and mean JSON cannot hold as numbers. */
const NON_FINITE = summarize(new Float64Array([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NaN]));

let temp: TempStore;
let ui: RunningUi;

const get = (path: string, init?: RequestInit) => fetch(new URL(path, ui.url), init);
const json = async <T>(path: string): Promise<{ status: number; total: string | null; body: T }> => {
  const response = await get(path);
  return { status: response.status, total: response.headers.get('X-Total-Count'), body: (await response.json()) as T };
};

beforeAll(async () => {
  temp = await tempStore();
  const { store } = temp;
  await store.write(runEvents({ id: 'alpha-1', project: 'alpha', startedAt: T0, nodes: chain(3) }));
  await store.write(
    runEvents({
      id: 'beta-1',
      project: 'beta',
      startedAt: T0 + 1000,
      status: 'failure',
      nodes: [planned(HOSTILE, [], { doc: `<img src=x onerror=alert(1)> "doc"` }), planned('b"q', [HOSTILE])],
    }),
  );
  await store.write(runEvents({ id: 'alpha-2', project: 'alpha', startedAt: T0 + 2000, status: 'running', nodes: chain(4) }));
  await store.write(runEvents({ id: 'big', project: 'big', startedAt: T0 - 86_400_000, nodes: chain(PICTURE_NODE_LIMIT + 1) }));
  for (let i = 0; i < BULK; i++)
    await store.write(
      runEvents({ id: `bulk-${String(i).padStart(3, '0')}`, project: 'bulk', startedAt: T0 - (i + 1) * 60_000, nodes: chain(1) }),
    );
  await store.write([
    started('non-finite', [node('a')], { project: 'alpha', startedAt: T0 - 365 * 86_400_000, inputs: { x: summarize(Number.NaN) } }),
    result('non-finite', 'a', 1, { summary: NON_FINITE }),
    finished('non-finite'),
  ]);
  ui = await serveUi({ store, port: 0 });
});

afterAll(async () => {
  await ui?.close();
  await temp?.dispose();
});

describe('GET /api/runs', () => {
  it('lists runs newest first in the shape of the contract, the total in X-Total-Count', async () => {
    const { status, total, body } = await json<RunListItem[]>('/api/runs?limit=5');
    expect(status).toBe(200);
    expect(total).toBe(String(RUNS));
    expect(body.map((r) => r.id)).toEqual(['alpha-2', 'beta-1', 'alpha-1', 'bulk-000', 'bulk-001']);
    expect(body[1]).toEqual({
      id: 'beta-1',
      project: 'beta',
      status: 'failure',
      startedAt: new Date(T0 + 1000).toISOString(),
      durationMs: 3,
      nodeCount: 2,
    });
    expect(body[0]).toMatchObject({ status: 'running', durationMs: null });
  });

  it('serves 50 runs when no limit is given', async () => {
    expect((await json<RunListItem[]>('/api/runs')).body).toHaveLength(50);
  });

  it('filters by project and by status, alone and together; an unknown project is an empty list', async () => {
    const alpha = await json<RunListItem[]>('/api/runs?project=alpha');
    expect(alpha.body.map((r) => r.id)).toEqual(['alpha-2', 'alpha-1', 'non-finite']);
    expect(alpha.total).toBe('3');
    const failures = await json<RunListItem[]>('/api/runs?status=failure');
    expect(failures.body.map((r) => r.id)).toEqual(['beta-1']);
    const both = await json<RunListItem[]>('/api/runs?project=alpha&status=running');
    expect(both.body.map((r) => r.id)).toEqual(['alpha-2']);
    expect(await json('/api/runs?project=nobody')).toEqual({ status: 200, total: '0', body: [] });
  });

  it('pages through every run without gaps or repeats', async () => {
    const everything = (await json<RunListItem[]>('/api/runs?limit=500')).body.map((r) => r.id);
    expect(everything).toHaveLength(RUNS);
    const paged: string[] = [];
    for (let offset = 0; offset < everything.length; offset += 50) {
      const page = await json<RunListItem[]>(`/api/runs?limit=50&offset=${offset}`);
      expect(page.total).toBe(String(RUNS));
      paged.push(...page.body.map((r) => r.id));
    }
    expect(paged).toEqual(everything);
    const started = (await json<RunListItem[]>('/api/runs?limit=500')).body.map((r) => Date.parse(r.startedAt));
    expect(started).toEqual([...started].sort((a, b) => b - a));
    expect((await json<RunListItem[]>('/api/runs?offset=1000')).body).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit "0" is not an integer from 1 to 500'],
    ['limit=501', 'limit "501" is not an integer from 1 to 500'],
    ['limit=abc', 'limit "abc" is not an integer'],
    ['offset=-5', 'offset "-5" is not an integer of at least 0'],
    ['status=finished', 'status "finished" is not a run status'],
    ['project=', 'project is empty'],
    ['status=success&status=failure', 'query parameter "status" is given more than once'],
    ['sort=asc', 'unknown query parameter "sort"'],
  ])('answers ?%s with 400 naming the parameter and the value', async (query, message) => {
    const response = await get(`/api/runs?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });
});

describe('GET /api/runs/:id', () => {
  it('gives a run with its nodes, their statuses, timings and errors with stacks', async () => {
    const { status, body } = await json<RunDetail>('/api/runs/beta-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'beta-1', project: 'beta', status: 'failure', durationMs: 3, outputs: ['b"q'], inputs: {} });
    expect(body.nodes.map((n) => [n.name, n.status])).toEqual([
      [HOSTILE, 'success'],
      ['b"q', 'failure'],
    ]);
    expect(body.nodes[0]).toMatchObject({
      doc: '<img src=x onerror=alert(1)> "doc"',
      type: 'number',
      summary: { kind: 'number', value: 0 },
    });
    expect(body.nodes[1]!.error).toEqual({
      type: 'Error',
      message: 'b"q failed on purpose',
      stack: expect.stringContaining('at Pipeline.b"q'),
    });
  });

  it('gives NaN and ±Infinity of summaries as the words "NaN", "Infinity" and "-Infinity", never null', async () => {
    const response = await get('/api/runs/non-finite');
    const text = await response.text();
    expect(text).not.toContain('null');
    const run = JSON.parse(text) as RunDetail;
    expect(run.inputs.x).toEqual({ kind: 'number', type: 'number', value: 'NaN' });
    expect(run.nodes[0].summary).toEqual(NON_FINITE);
    expect(run.nodes[0].summary).toMatchObject({ min: '-Infinity', max: 'Infinity', mean: 'NaN', nanCount: 1 });
  });

  it('answers an unknown id with a JSON 404 that names it', async () => {
    const response = await get(`/api/runs/${encodeURIComponent('<b>nope</b>')}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ statusCode: 404, message: expect.stringContaining('no run has the id "<b>nope</b>"') });
  });
});

describe('GET /api/runs/:id/graph and /api/projects', () => {
  it('gives the planned nodes and an SVG in which hostile names are text, never markup', async () => {
    const { body } = await json<{ nodes: { name: string; dependencies: string[] }[]; picture: { svg?: string } }>('/api/runs/beta-1/graph');
    expect(body.nodes.map((n) => [n.name, n.dependencies])).toEqual([
      [HOSTILE, []],
      ['b"q', [HOSTILE]],
    ]);
    const svg = body.picture.svg!;
    expect(svg).toContain('<svg');
    expect(svg).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('id="hn0"');
  });

  it(`does not draw a run of more than ${PICTURE_NODE_LIMIT} nodes, and says how to see it`, async () => {
    const { body } = await json<{ nodes: unknown[]; picture: { notDrawn?: string } }>('/api/runs/big/graph');
    expect(body.nodes).toHaveLength(PICTURE_NODE_LIMIT + 2);
    expect(body.picture.notDrawn).toMatch(/has 402 nodes; pictures are drawn up to 400.*hamilton-ts view/);
  });

  it('answers the graph of an unknown run with 404', async () => {
    expect((await get('/api/runs/nope/graph')).status).toBe(404);
  });

  it('lists the projects, sorted', async () => {
    expect((await json('/api/projects')).body).toEqual(['alpha', 'beta', 'big', 'bulk']);
  });
});

describe('the page and the headers', () => {
  it('serves the page with a CSP that allows no inline script, and nosniff', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves the script and the stylesheet, and 304 when unchanged', async () => {
    const script = await get('/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await script.text()).length).toBeGreaterThan(1000);
    expect((await get('/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/app.js', { headers: { 'If-None-Match': script.headers.get('etag')! } })).status).toBe(304);
    expect((await get('/nothing-here.js')).status).toBe(404);
  });

  it('API responses are not cached and carry the same security headers', async () => {
    const response = await get('/api/runs?limit=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a request for another host name (DNS rebinding) when bound to loopback without a token', async () => {
    const rebound = await rawGet(new URL('/api/runs', ui.url).href, { Host: 'attacker.example:8241' });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).message).toContain('Host "attacker.example:8241"');
    expect((await rawGet(new URL('/api/runs', ui.url).href, { Host: 'localhost:8241' })).status).toBe(200);
  });
});
