// Injection tokens and defaults of the web server, in one place.

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
