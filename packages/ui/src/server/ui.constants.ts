// Injection tokens and defaults of the web server, in one place.
import { constants } from 'node:zlib';

/** The RunStore the API reads. */
export const RUN_STORE = '@hamilton-ts/ui:run-store';
/** The bearer token every /api request must carry, or undefined when none is required. */
export const API_TOKEN = '@hamilton-ts/ui:api-token';
/** The page's built files (index.html, app.js, app.css). */
export const PAGE_ASSETS = '@hamilton-ts/ui:page-assets';
/** The cache of rendered run pictures. */
export const GRAPH_PICTURES = '@hamilton-ts/ui:graph-pictures';

/** What `hamilton-ts ui` binds when not told otherwise. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8241;

/** Paging of `GET /api/runs`: the store's contract (records.ts: default 50, at most 500). */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** Above this many nodes the run page shows no picture: graphviz's layout grows faster than linearly. */
export const PICTURE_NODE_LIMIT = 400;

/** Responses smaller than this are sent as they are: compressing them would cost more time than it saves. */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * brotli when the client accepts it, else gzip, at their fastest levels: a 10,000-node run's 3 MB of JSON
 * becomes ~380 kB in ~6 ms (brotli) or ~430 kB in ~10 ms (gzip), where the default levels take 2-4 times
 * as long for 5-10% less, and the page re-reads a running run every second.
 */
export const COMPRESSION = {
  threshold: COMPRESS_ABOVE_BYTES,
  level: constants.Z_BEST_SPEED,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
} as const;
