import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { openRunStore } from '../store/open-store.js';
import type { RunStore } from '../store/run-store.js';
import { checkBinding, isLoopbackHost, UiOptionsError } from './host-check.js';
import { loadPageAssets } from './page-assets.js';
import { securityHeaders } from './security-headers.js';
import { COMPRESSION, DEFAULT_HOST, DEFAULT_PORT } from './ui.constants.js';
import { uiMessages } from './ui.messages.js';
import { uiModule } from './ui.module.js';

/** Options of serveUi. */
export interface ServeUiOptions {
  /** A store URL (`sqlite:PATH`, `postgres://user@host/db`) opened and closed by the server, or an open RunStore the caller closes. */
  readonly store: string | RunStore;
  /** Default 127.0.0.1. Any other address needs a token. */
  readonly host?: string;
  /** Default 8241; 0 picks a free port (read it from `url`). */
  readonly port?: number;
  /** Required as `Authorization: Bearer <token>` on every /api request (the page takes it from `?token=` once). */
  readonly token?: string;
}

/** A running server. */
export interface RunningUi {
  /** Where the page is, e.g. `http://127.0.0.1:8241/`. */
  readonly url: string;
  /** Stops serving, and closes the store if the server opened it from a URL. */
  close(): Promise<void>;
}

/**
 * Serves the runs page and its JSON API (`GET /api/runs`, `GET /api/runs/:id`) over a run store.
 * Refuses, with a UiOptionsError, to bind a non-loopback host without a token.
 *
 * @example
 * const ui = await serveUi({ store: 'sqlite:.hamilton/runs.db', port: 0 });
 * console.log(`runs at ${ui.url}`);
 * await ui.close();
 */
export async function serveUi({ store, host = DEFAULT_HOST, port = DEFAULT_PORT, token }: ServeUiOptions): Promise<RunningUi> {
  checkBinding(host, port, token);
  const assets = await loadPageAssets();
  const runStore = typeof store === 'string' ? await openRunStore(store) : store;
  const ownsStore = typeof store === 'string';
  try {
    const app = await NestFactory.create<NestExpressApplication>(uiModule({ store: runStore, token, assets }), new ExpressAdapter(), {
      logger: ['error'],
      abortOnError: false,
    });
    app.disable('x-powered-by');
    app.use(compression(COMPRESSION));
    app.use(securityHeaders(token === undefined && isLoopbackHost(host)));
    await listen(app, host, port);
    const server = app.getHttpServer() as Server;
    const address = server.address() as AddressInfo;
    return {
      url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`,
      async close() {
        server.closeIdleConnections();
        await app.close();
        if (ownsStore) await runStore.close();
      },
    };
  } catch (error) {
    if (ownsStore) await runStore.close();
    throw error;
  }
}

/** Listens on the app's HTTP server directly: Nest's own listen() logs a taken port as an error before rethrowing it. */
async function listen(app: NestExpressApplication, host: string, port: number): Promise<void> {
  await app.init();
  const server = app.getHttpServer() as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await app.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UiOptionsError(uiMessages.portInUse(host, port));
    throw error;
  }
}
