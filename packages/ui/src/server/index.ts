// The web page of hamilton-ts runs and its JSON API.
export { isLoopbackHost, UiOptionsError } from './host-check.js';
export type { RunGraph, RunPicture } from './run-graph.js';
export { type RunningUi, type ServeUiOptions, serveUi } from './serve-ui.js';
export { DEFAULT_HOST, DEFAULT_PORT } from './ui.constants.js';
