import type { Comparison } from './measure.js';
import type { ScenarioContext } from './scenario.js';

/**
 * Records an engine against sequential runs twice: the time ratio (judged against `target`) and the
 * speed-up it means, both over the same samples.
 *
 * @example
 * recordSpeedUp(ctx, c, { engine: '2 worker threads', work: '4 × 200 ms nodes', short: 'threads', target: 'thread-speedup' });
 */
export function recordSpeedUp(
  ctx: ScenarioContext,
  c: Comparison,
  labels: { engine: string; work: string; short: string; target: string },
): void {
  const note = `${labels.short} ${c.subject.median.toFixed(0)} ms, sequential ${c.baseline.median.toFixed(0)} ms per run`;
  ctx.record({
    label: `${labels.engine} ÷ sequential, ${labels.work}`,
    value: c.ratio.median,
    unit: '×',
    spread: c.ratio,
    target: labels.target,
    note,
  });
  ctx.record({
    label: `speed-up with ${labels.engine}, ${labels.work}`,
    value: 1 / c.ratio.median,
    unit: '×',
    spread: { min: 1 / c.ratio.max, max: 1 / c.ratio.min },
    note,
  });
}
