export { HamiltonError } from '@hamilton-ts/result-builders';
export { GraphBuildError, type BuildProblem } from './graph-build-error.js';
export { UnknownNodeError } from './unknown-node-error.js';
export { InputValidationError, type InputProblem } from './input-validation-error.js';
export { NodeExecutionError } from './node-execution-error.js';
export { DataValidationError } from './data-validation-error.js';
