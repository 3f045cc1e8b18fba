import type { Metric } from './scenario.js';
import { targetById } from './targets.js';

/** A figure with three significant digits (more for large integers), never in exponent form. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** `0.412 µs/node` */
export function formatValue(value: number, unit: string): string {
  return unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`;
}

/** `0.39–0.52`, or an empty string when there was a single measurement. */
export function formatSpread(metric: Metric): string {
  return metric.spread ? `${formatNumber(metric.spread.min)}–${formatNumber(metric.spread.max)}` : '';
}

/** Whether a metric meets its target (`undefined` when it has none). */
export function verdict(metric: Metric): 'pass' | 'miss' | undefined {
  if (!metric.target) return undefined;
  return metric.value <= targetById(metric.target).max ? 'pass' : 'miss';
}
