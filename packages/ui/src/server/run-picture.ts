// The SVG picture of a run's graph, rendered by graphviz through core's renderer (the @viz-js/viz wasm
// build), once per run: a run's planned graph never changes, even while it runs.
import { HamiltonError, renderSvg } from '@hamilton-ts/core';
import type { PlannedNode } from '../store/records.js';
import { runDot } from './run-dot.js';
import type { RunPicture } from './run-graph.js';
import { PICTURE_NODE_LIMIT } from './ui.constants.js';

const CACHED_PICTURES = 64;

/** Draws run pictures and keeps the last few, so a page polling a running run does not redraw it. */
export class RunPictures {
  private readonly cache = new Map<string, Promise<RunPicture>>();

  constructor(private readonly nodeLimit: number = PICTURE_NODE_LIMIT) {}

  /** The picture of run `id`, drawn from its planned nodes when there are at most `nodeLimit` of them. */
  pictureOf(id: string, nodes: readonly PlannedNode[], outputs: () => Promise<readonly string[]>): Promise<RunPicture> {
    let picture = this.cache.get(id);
    if (picture === undefined) {
      picture = this.draw(nodes, outputs);
      this.cache.set(id, picture);
      if (this.cache.size > CACHED_PICTURES) this.cache.delete(this.cache.keys().next().value!);
    }
    return picture;
  }

  private async draw(nodes: readonly PlannedNode[], outputs: () => Promise<readonly string[]>): Promise<RunPicture> {
    if (nodes.length > this.nodeLimit)
      return {
        notDrawn:
          `This run has ${nodes.length.toLocaleString('en-US')} nodes; pictures are drawn up to ${this.nodeLimit} ` +
          '(graphviz would take too long, and the result would be unreadable). To see the graph, draw it from the ' +
          'pipeline: hamilton-ts view MODULE --outputs a,b --format svg -o dag.svg',
      };
    const dot = runDot(nodes, await outputs());
    try {
      return { svg: await renderSvg(dot) };
    } catch (error) {
      // Core's renderer says a missing @viz-js/viz with a HamiltonError; anything else is graphviz failing on this graph.
      if (error instanceof HamiltonError)
        return { notDrawn: 'The picture needs the optional package @viz-js/viz (graphviz): npm install @viz-js/viz' };
      return { notDrawn: `graphviz could not draw this graph: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
