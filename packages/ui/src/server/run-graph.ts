// What `GET /api/runs/:id/graph` answers; shared with the page, so free of any Node import.
import type { PlannedNode } from '../store/records.js';

/** The picture of a run, or why there is none (too many nodes, graphviz not installed). */
export type RunPicture = { readonly svg: string } | { readonly notDrawn: string };

/** The planned nodes (with dependencies and code locations) and the picture. */
export interface RunGraph {
  readonly nodes: readonly PlannedNode[];
  readonly picture: RunPicture;
}
