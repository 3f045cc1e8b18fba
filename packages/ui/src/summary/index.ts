export { summarize } from './summarize.js';
export { DEFAULT_LIMITS, type SummaryLimits } from './summary-limits.js';
