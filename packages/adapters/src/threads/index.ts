export type { WorkerThreadsGraphAdapterOptions } from './options.js';
export { ThreadPool, type ThreadPoolOptions } from './thread-pool.js';
export { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';
