import { createHash } from 'node:crypto';
import type { PlannedNode } from './records.js';

/** A planned graph as stored: its JSON and the hash that names it. */
export interface GraphRecord {
  readonly id: string;
  readonly json: string;
}

// The tracker hands the same array to every run of one shape: its JSON and hash are made once.
const records = new WeakMap<readonly PlannedNode[], GraphRecord>();

/** The record of a run's planned nodes; runs with the same nodes (in any process) get the same id. */
export function graphRecord(nodes: readonly PlannedNode[]): GraphRecord {
  let record = records.get(nodes);
  if (!record) {
    const json = JSON.stringify(nodes);
    record = { id: createHash('sha256').update(json).digest('base64url'), json };
    records.set(nodes, record);
  }
  return record;
}
