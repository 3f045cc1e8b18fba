export { FAILED } from './failed.js';
export { GracefulErrorAdapter, type GracefulErrorAdapterOptions } from './graceful-error-adapter.js';
export { PrintLn, type PrintLnOptions } from './print-ln.js';
export { DEFAULT_PROGRESS_FORMAT, ProgressBar, type ProgressBarOptions } from './progress-bar.js';
export type { NodeFailure } from './run-failures.js';
