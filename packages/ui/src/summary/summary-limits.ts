/**
 * How much work one summary may do. Every cap that bites is said in the summary's `skipped`.
 *
 * @example
 * summarize(values, { maxElements: 100_000 }); // stats over the first 100,000 elements only
 */
export interface SummaryLimits {
  /** Elements scanned for min/max/mean/NaN count, over a whole value (a table's columns share it). Default 10,000,000. */
  readonly maxElements?: number;
  /** Table columns summarised one by one (the column count is always exact). Default 50. */
  readonly maxColumns?: number;
  /** Characters kept of a string (and of a big integer's digits). Default 80. */
  readonly previewLength?: number;
}

/** The limits with every default filled in. */
export type ResolvedLimits = Required<SummaryLimits>;

/** The limits `summarize` applies when given none. */
export const DEFAULT_LIMITS: ResolvedLimits = Object.freeze({ maxElements: 10_000_000, maxColumns: 50, previewLength: 80 });

/** `limits` over the defaults; a limit that is not a positive number keeps its default. */
export function resolveLimits(limits: SummaryLimits | undefined): ResolvedLimits {
  if (limits === undefined) return DEFAULT_LIMITS;
  const pick = (value: number | undefined, fallback: number) => (typeof value === 'number' && value > 0 ? Math.floor(value) : fallback);
  return {
    maxElements: pick(limits.maxElements, DEFAULT_LIMITS.maxElements),
    maxColumns: pick(limits.maxColumns, DEFAULT_LIMITS.maxColumns),
    previewLength: pick(limits.previewLength, DEFAULT_LIMITS.previewLength),
  };
}
