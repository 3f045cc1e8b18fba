// The cluster engine: nodes run on BullMQ workers over Redis. A subpath of its own, so bullmq and
// ioredis (optional peer dependencies) are only needed by those who import it.
export { BullMQGraphAdapter } from './bullmq-graph-adapter.js';
export type { RedisConnection } from './connection.js';
export { createNodeWorker, type NodeWorker, type NodeWorkerOptions } from './node-worker.js';
export type { BullMQGraphAdapterOptions } from './options.js';
