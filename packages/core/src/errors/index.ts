export { HamiltonError } from '@hamilton-ts/result-builders';
export { DataValidationError } from './data-validation-error.js';
export { type BuildProblem, GraphBuildError } from './graph-build-error.js';
export { type InputProblem, InputValidationError } from './input-validation-error.js';
export { NodeExecutionError } from './node-execution-error.js';
export { UnknownNodeError } from './unknown-node-error.js';
