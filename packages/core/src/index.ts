import 'reflect-metadata';

export * from './errors/index.js';
export { node } from './decorators/node.decorator.js';
export { dependsOn } from './decorators/depends-on.decorator.js';
export { tag } from './decorators/tag.decorator.js';
export { config } from './decorators/config.decorator.js';
export type { NodeOptions } from './metadata/method-record.js';
export type { HamiltonModule } from './builder/collect-methods.js';
export type { Variable } from './graph/variable.js';
export type { TagValue, TypeRef } from './graph/types.js';
export type { GraphAdapter, GraphView, NodeExecuteContext, HookName } from './lifecycle/hooks.js';
export type { ExecuteOptions } from './execution/prepare-run.js';
export { Driver, type DriverOptions } from './driver/driver.js';
export { AsyncDriver } from './driver/async-driver.js';
export { Builder } from './driver/builder.js';
export type { TagFilter } from './driver/tag-filter.js';
export { testNode } from './testing/test-node.js';
export type { ResultBuilder } from '@hamilton-ts/result-builders';
