import 'reflect-metadata';

export type { RecordOfOutputs, ResultBuilder } from '@hamilton-ts/result-builders';
export type { HamiltonModule } from './builder/collect-methods.js';
// Caching
export type { CacheBehavior, CacheOptions, CacheStatus } from './cache/cache-options.js';
export { DEFAULT_CACHE_PATH, HamiltonCache } from './cache/hamilton-cache.js';
export type { CacheNodeRecord, CacheRunRecord } from './cache/run-record.js';
// Engines: the value codec, and what a worker needs to run the driver's nodes by name
export * from './codec/index.js';
export { cache } from './decorators/cache.decorator.js';
export { checkOutput } from './decorators/check-output.decorator.js';
export { collect } from './decorators/collect.decorator.js';
// Function modifiers
export { config } from './decorators/config.decorator.js';
export { dependsOn } from './decorators/depends-on.decorator.js';
export { does } from './decorators/does.decorator.js';
export { extractColumns } from './decorators/extract-columns.decorator.js';
export { extractFields } from './decorators/extract-fields.decorator.js';
export { inject } from './decorators/inject.decorator.js';
export { exclude, mutate } from './decorators/mutate.decorator.js';
// Declaring nodes
export { node } from './decorators/node.decorator.js';
export { parallelizable } from './decorators/parallelizable.decorator.js';
export { parameterize } from './decorators/parameterize.decorator.js';
export { parameterizeExtractColumns } from './decorators/parameterize-extract-columns.decorator.js';
export { parameterizedSubdag, type SubdagEntry } from './decorators/parameterized-subdag.decorator.js';
export { type PipeOptions, pipe } from './decorators/pipe.decorator.js';
export { type PipeOutputOptions, pipeOutput } from './decorators/pipe-output.decorator.js';
export { subdag } from './decorators/subdag.decorator.js';
export { tag } from './decorators/tag.decorator.js';
export { tagOutputs } from './decorators/tag-outputs.decorator.js';
export { unpackFields } from './decorators/unpack-fields.decorator.js';
export { AsyncDriver } from './driver/async-driver.js';
export { Builder } from './driver/builder.js';
// Running the graph
export { Driver, type DriverAdapter, type DriverOptions } from './driver/driver.js';
export { matchesTagFilter, type TagFilter } from './driver/tag-filter.js';
export type { NodeTypes, OutputsOf, ResultOf } from './driver/typed-outputs.js';
// Errors
export * from './errors/index.js';
export type { ExecuteOptions } from './execution/prepare-run.js';
export type { TagValue, TypeRef } from './graph/types.js';
export type { Variable } from './graph/variable.js';
export { isThenable } from './lifecycle/hook-set.js';
// Adapters
export type {
  GraphAdapter,
  GraphView,
  HookName,
  NodeExecuteContext,
  NodeOriginView,
  NodeRunRequest,
} from './lifecycle/hooks.js';
export { getLogger, type HamiltonLogger, setLogger } from './logging/logger.js';
// Materializers: what @hamilton-ts/io and other format packages build loaders and savers on
export { type LoadFromSpec, loadFromDecorator, type SaveToSpec, saveToDecorator } from './materialize/io-modifiers.js';
export {
  FORMAT_TAG,
  IO_TAG,
  type IoContext,
  type LoaderSpec,
  type LoadMetadata,
  type LoadReport,
  type MaterializeOptions,
  type MaterializeResult,
  type Materializer,
  type SaveMetadata,
  type SaverSpec,
} from './materialize/io-spec.js';
export type { NodeOptions } from './metadata/method-record.js';
export type { Binding, Bindings, GroupMember } from './modifiers/binding.js';
export { group, SourceBinding, source, ValueBinding, value } from './modifiers/binding.js';
export type { ColumnArgument } from './modifiers/column-spec.js';
export type { ConfigResolver } from './modifiers/config-condition.modifier.js';
export type { ExtractColumnsOptions } from './modifiers/extract-columns.modifier.js';
export type { ExtractFieldsOptions } from './modifiers/extract-fields.modifier.js';
export { applyTo, MutateTarget } from './modifiers/mutate-target.js';
export type { ParameterizedExtract } from './modifiers/parameterize-extract-columns.modifier.js';
export { PipeStep, type StepNamespace, step } from './modifiers/pipe-step.js';
export type { SubdagOptions } from './modifiers/subdag-options.js';
export type { UnpackField } from './modifiers/unpack-fields.modifier.js';
export * from './remote/index.js';
// Testing
export { type TestNodeOptions, testNode } from './testing/test-node.js';
export type { CheckOutputOptions, CheckOutputValidators } from './validation/check-output-spec.js';
export { DATA_QUALITY_TAGS } from './validation/data-quality-tags.js';
export type { DataValidator, Importance, ValidationOutcome, ValidationResult } from './validation/data-validator.js';
export { type DotNode, writeDot } from './visualize/dot-writer.js';
export type { NodeRole } from './visualize/graph-picture.js';
export { renderSvg } from './visualize/render-svg.js';
export type { TextFormat, VisualizeOptions } from './visualize/visualizer.js';
