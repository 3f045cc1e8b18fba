import type { SummaryStat } from '../store/records.js';

/**
 * A number as a summary keeps it: finite ones as they are, NaN and ±Infinity as the words 'NaN',
 * 'Infinity' and '-Infinity', which survive JSON (where they would become `null`, like a missing value).
 */
export function summaryStat(value: number): SummaryStat {
  return Number.isFinite(value) ? value : (String(value) as SummaryStat);
}
