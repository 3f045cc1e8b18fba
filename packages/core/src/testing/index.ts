// `@hamilton-ts/core/testing`: what a test of a pipeline needs, apart from the core itself.
import 'reflect-metadata';

export { inputsOf, type NodeInput } from './inputs-of.js';
export { RecordedRun, type RecordedValue } from './recorded-run.js';
export { RecordingAdapter } from './recording-adapter.js';
export type { NodeCall, RunOutcome, RunRequest } from './run-log.js';
export { type TestNodeOptions, testNode } from './test-node.js';
