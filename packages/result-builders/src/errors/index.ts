export { HamiltonError } from './hamilton-error.js';
export { ResultBuildError } from './result-build-error.js';
