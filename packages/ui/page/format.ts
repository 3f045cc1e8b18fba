// How numbers, durations and times read on the page.
import type { SummaryStat } from '../src/store/records.js';

/** `850 µs`, `12.3 ms`, `4.56 s`, `2 min 05 s`; `—` when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** A date and time in the reader's locale and time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A number as a person reads it: grouped thousands, at most 6 significant digits, NaN and ±∞ spelled,
 * also when a summary gives them in words ('NaN', 'Infinity', '-Infinity'). `null` is what JSON made of
 * NaN and ±∞ in summaries recorded before they were given in words: shown as not finite.
 */
export function formatNumber(stat: SummaryStat | null): string {
  if (stat === null) return 'not finite';
  const value = Number(stat); // the words are JavaScript's own spelling of those numbers
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e9)
    ? value.toExponential(4)
    : Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** The first characters of a run id, enough to tell runs apart in a list. */
export const shortId = (id: string): string => (id.length > 8 ? id.slice(0, 8) : id);
