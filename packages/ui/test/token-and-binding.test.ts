// serveUi's safety rules over real HTTP: the bearer token on /api, refusal of a non-loopback host
// without one, and options that cannot work.

import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RunStoreError } from '../src/run-store-error.js';
import { type RunningUi, serveUi, UiOptionsError } from '../src/server/index.js';
import { chain, runEvents } from './support/run-events.js';
import { type TempStore, tempStore } from './support/temp-store.js';

const TOKEN = 'test-token-0123456789abcdef';

let temp: TempStore;

beforeAll(async () => {
  temp = await tempStore();
  await temp.store.write(runEvents({ id: 'run-1', startedAt: Date.UTC(2026, 0, 1), nodes: chain(2) }));
});

afterAll(async () => {
  await temp?.dispose();
});

describe('with a token', () => {
  let ui: RunningUi;
  beforeAll(async () => {
    ui = await serveUi({ store: temp.store, port: 0, token: TOKEN });
  });
  afterAll(async () => {
    await ui?.close();
  });

  const api = (path: string, authorization?: string) =>
    fetch(new URL(path, ui.url), { headers: authorization === undefined ? {} : { Authorization: authorization } });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer test-token-0123456789abcdeX'],
    ['the token without the scheme', TOKEN],
    ['Basic auth', `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`],
  ])('answers /api with 401 for %s', async (_, authorization) => {
    for (const path of ['/api/runs', '/api/runs/run-1', '/api/runs/run-1/graph', '/api/projects']) {
      const response = await api(path, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hamilton-ts"');
      const body = (await response.json()) as { message: string };
      expect(body.message).toContain('requires a token');
      expect(JSON.stringify(body)).not.toContain('run-1');
    }
  });

  it('answers /api with 200 for the right token', async () => {
    const response = await api('/api/runs', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }[]).map((r) => r.id)).toEqual(['run-1']);
    expect((await api('/api/runs/run-1', `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('checks the token before the query: a bad query without a token is a 401, not a 400', async () => {
    expect((await api('/api/runs?limit=0')).status).toBe(401);
    expect((await api('/api/runs?limit=0', `Bearer ${TOKEN}`)).status).toBe(400);
  });

  it('serves the page, which holds no data, without a token', async () => {
    for (const path of ['/', '/app.js', '/app.css']) expect((await api(path)).status).toBe(200);
  });
});

describe('binding', () => {
  it('refuses a non-loopback host without a token, saying to pass --token', async () => {
    for (const host of ['0.0.0.0', '::']) {
      const attempt = serveUi({ store: temp.store, host, port: 0 });
      await expect(attempt).rejects.toThrow(UiOptionsError);
      await expect(serveUi({ store: temp.store, host, port: 0 })).rejects.toThrow(/not a loopback address.*Pass --token T/);
    }
  });

  it('binds every interface with a token, and answers with it', async () => {
    const ui = await serveUi({ store: temp.store, host: '0.0.0.0', port: 0, token: TOKEN });
    try {
      const local = new URL('/api/runs', ui.url.replace('0.0.0.0', '127.0.0.1'));
      expect((await fetch(local)).status).toBe(401);
      expect((await fetch(local, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await ui.close();
    }
  });

  it('refuses a token too short to be safe', async () => {
    await expect(serveUi({ store: temp.store, port: 0, token: 'secret' })).rejects.toThrow(/at least 16 characters/);
  });

  it('says when the port is taken, and which', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      await expect(serveUi({ store: temp.store, port })).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('opens a store from its URL and closes it on close()', async () => {
    const ui = await serveUi({ store: temp.url, port: 0 });
    expect(((await (await fetch(new URL('/api/runs', ui.url))).json()) as unknown[]).length).toBe(1);
    await ui.close();
    await expect(fetch(new URL('/api/runs', ui.url))).rejects.toThrow();
  });

  it('rejects a store URL it cannot read with the store error', async () => {
    await expect(serveUi({ store: 'redis://localhost/0', port: 0 })).rejects.toThrow(RunStoreError);
  });
});
