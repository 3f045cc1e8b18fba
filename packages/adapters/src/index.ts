export {
  DEFAULT_PROGRESS_FORMAT,
  FAILED,
  GracefulErrorAdapter,
  type GracefulErrorAdapterOptions,
  type NodeFailure,
  PrintLn,
  type PrintLnOptions,
  ProgressBar,
  type ProgressBarOptions,
} from './lifecycle/index.js';
export { SimpleGraphAdapter } from './simple-graph-adapter.js';
export { SimpleTableGraphAdapter } from './simple-table-graph-adapter.js';
export { ThreadPool, type ThreadPoolOptions, WorkerThreadsGraphAdapter, type WorkerThreadsGraphAdapterOptions } from './threads/index.js';
