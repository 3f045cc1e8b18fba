/**
 * Milliseconds for a log line: two decimals below 100 ms, one from there on.
 *
 * @example
 * formatDuration(0.4219); // '0.42 ms'
 * formatDuration(1234.56); // '1234.6 ms'
 */
export function formatDuration(ms: number): string {
  return `${ms.toFixed(ms < 100 ? 2 : 1)} ms`;
}
