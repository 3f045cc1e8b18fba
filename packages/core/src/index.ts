import 'reflect-metadata';

// Errors
export * from './errors/index.js';

// Declaring nodes
export { node } from './decorators/node.decorator.js';
export { dependsOn } from './decorators/depends-on.decorator.js';
export type { NodeOptions } from './metadata/method-record.js';
export type { HamiltonModule } from './builder/collect-methods.js';

// Function modifiers
export { config } from './decorators/config.decorator.js';
export { tag } from './decorators/tag.decorator.js';
export { tagOutputs } from './decorators/tag-outputs.decorator.js';
export { value, source, group } from './modifiers/binding.js';
export type { Binding, Bindings, GroupMember } from './modifiers/binding.js';
export { parameterize } from './decorators/parameterize.decorator.js';
export { inject } from './decorators/inject.decorator.js';
export { does } from './decorators/does.decorator.js';
export { extractColumns } from './decorators/extract-columns.decorator.js';
export type { ExtractColumnsOptions } from './modifiers/extract-columns.modifier.js';
export { extractFields } from './decorators/extract-fields.decorator.js';
export { pipe } from './decorators/pipe.decorator.js';
export { step, PipeStep } from './modifiers/pipe-step.js';
export { subdag } from './decorators/subdag.decorator.js';
export type { SubdagOptions } from './modifiers/subdag-options.js';
export { checkOutput } from './decorators/check-output.decorator.js';
export type { CheckOutputValidators, CheckOutputOptions } from './validation/check-output-spec.js';
export type { DataValidator, ValidationResult, ValidationOutcome, Importance } from './validation/data-validator.js';
export { DATA_QUALITY_TAGS } from './validation/data-quality-tags.js';
export { setLogger, getLogger, type HamiltonLogger } from './logging/logger.js';

// Running the graph
export { Driver, type DriverOptions } from './driver/driver.js';
export { AsyncDriver } from './driver/async-driver.js';
export { Builder } from './driver/builder.js';
export type { ExecuteOptions } from './execution/prepare-run.js';
export type { TagFilter } from './driver/tag-filter.js';
export type { VisualizeOptions, TextFormat } from './visualize/visualizer.js';
export type { Variable } from './graph/variable.js';
export type { TagValue, TypeRef } from './graph/types.js';
export type { ResultBuilder } from '@hamilton-ts/result-builders';

// Adapters
export type { GraphAdapter, GraphView, NodeExecuteContext, HookName } from './lifecycle/hooks.js';

// Testing
export { testNode } from './testing/test-node.js';
