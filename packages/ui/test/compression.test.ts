// Compressed answers over real HTTP: the JSON API and the page's files come brotli- or gzip-encoded when
// the client accepts it, decode to exactly what an uncompressed answer holds, and small answers stay plain.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningUi, serveUi } from '../src/server/index.js';
import { COMPRESS_ABOVE_BYTES } from '../src/server/ui.constants.js';
import { rawGet } from './support/http-get.js';
import { chain, runEvents } from './support/run-events.js';
import { type TempStore, tempStore } from './support/temp-store.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const NODES = 2_000;

let temp: TempStore;
let ui: RunningUi;

const get = (path: string, headers?: Record<string, string>) => rawGet(new URL(path, ui.url).href, headers);

beforeAll(async () => {
  temp = await tempStore();
  await temp.store.write(runEvents({ id: 'wide', project: 'big', startedAt: T0, nodes: chain(NODES) }));
  ui = await serveUi({ store: temp.store, port: 0 });
}, 30_000);

afterAll(async () => {
  await ui?.close();
  await temp?.dispose();
});

describe('compressed answers', () => {
  it('sends a run without Accept-Encoding as plain JSON', async () => {
    const plain = await get('/api/runs/wide');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect((JSON.parse(plain.body) as { nodes: unknown[] }).nodes).toHaveLength(NODES);
  });

  it('gzips a run for Accept-Encoding: gzip, and the body decodes to the same JSON', async () => {
    const plain = await get('/api/runs/wide');
    const gzipped = await get('/api/runs/wide', { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 5);
    expect(JSON.parse(gunzipSync(gzipped.bytes).toString('utf8'))).toEqual(JSON.parse(plain.body));
  });

  it('prefers brotli when it is accepted too, and decodes to the same JSON', async () => {
    const plain = await get('/api/runs/wide');
    const brotli = await get('/api/runs/wide', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.bytes).toString('utf8'))).toEqual(JSON.parse(plain.body));
    const graph = await get('/api/runs/wide/graph', { 'Accept-Encoding': 'br' });
    expect(graph.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(graph.bytes).toString('utf8'))).toMatchObject({ picture: { notDrawn: expect.any(String) } });
  });

  it('honours q-values: an encoding refused with q=0 is not used', async () => {
    const refused = await get('/api/runs/wide', { 'Accept-Encoding': 'gzip;q=0, br;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect((JSON.parse(refused.body) as { id: string }).id).toBe('wide');
  });

  it(`sends answers under ${COMPRESS_ABOVE_BYTES} bytes plain even when gzip is accepted`, async () => {
    const projects = await get('/api/projects', { 'Accept-Encoding': 'gzip' });
    expect(projects.bytes.length).toBeLessThan(COMPRESS_ABOVE_BYTES);
    expect(projects.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(projects.body)).toEqual(['big']);
    const missing = await get('/api/runs/nope', { 'Accept-Encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the page’s script and stylesheet, and still answers 304 when unchanged', async () => {
    for (const path of ['/app.js', '/app.css']) {
      const plain = await get(path);
      const gzipped = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['content-type']).toBe(plain.headers['content-type']);
      expect(gunzipSync(gzipped.bytes).equals(plain.bytes)).toBe(true);
      const again = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(plain.headers.etag) });
      expect(again.status).toBe(304);
    }
  });
});
