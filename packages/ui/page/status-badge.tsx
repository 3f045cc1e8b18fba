import type { RunStatus } from '../src/store/records.js';
import type { RowStatus } from './node-rows.js';

/** A run's or a node's status as a coloured word (the word is there for those who cannot tell the colours apart). */
export function StatusBadge({ status }: { readonly status: RunStatus | RowStatus }) {
  return <span class={`badge ${status}`}>{status}</span>;
}
