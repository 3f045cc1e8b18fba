// Colours of node states, shared by the picture and the waterfall; darker means slower.
import type { RowStatus } from './node-rows.js';

const HUES: Record<RowStatus, { hue: number; saturation: number }> = {
  success: { hue: 142, saturation: 55 },
  failure: { hue: 0, saturation: 75 },
  skipped: { hue: 220, saturation: 5 },
  pending: { hue: 212, saturation: 70 },
  input: { hue: 45, saturation: 80 },
};

/**
 * The fill of a node: its status's hue, from light (instant) to dark (the run's slowest node), on a log
 * scale so one slow node does not wash every other out.
 */
export function statusFill(status: RowStatus, durationMs: number | undefined, longestMs: number): string {
  const { hue, saturation } = HUES[status];
  const share = durationMs === undefined ? 0 : Math.log1p(Math.max(0, durationMs)) / Math.log1p(Math.max(1, longestMs));
  const lightness = 90 - 42 * Math.min(1, share);
  return `hsl(${hue} ${saturation}% ${lightness.toFixed(1)}%)`;
}
