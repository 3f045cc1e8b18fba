export { ArqueroTableResult } from './arquero-table-result.js';
export { ArrowResult, type ArrowResultOptions } from './arrow-result.js';
export { DictResult } from './dict-result.js';
export { HamiltonError, ResultBuildError } from './errors/index.js';
export type { RecordOfOutputs, ResultBuilder } from './result-builder.js';
