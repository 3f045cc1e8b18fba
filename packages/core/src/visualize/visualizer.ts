import { plannedNodeNames } from '../execution/execution-plan.js';
import type { ExecuteOptions, RunPreparer } from '../execution/prepare-run.js';
import type { Graph } from '../graph/types.js';
import { type GraphPicture, type PictureOptions, pictureOf } from './graph-picture.js';
import { renderSvg } from './render-svg.js';
import { toDot } from './to-dot.js';
import { toMermaid } from './to-mermaid.js';

/** The text formats; `svg` is rendered from DOT and so is asynchronous. */
export type TextFormat = 'dot' | 'mermaid';

/** Options of `displayAllFunctions` and `visualizeExecution`. */
export interface VisualizeOptions<F extends TextFormat | 'svg' = TextFormat | 'svg'> extends PictureOptions {
  /** `dot` (default), `mermaid`, or `svg`. */
  readonly format?: F;
}

/** Draws a graph, or the part of it one call would run, in the format asked for. */
export class Visualizer {
  constructor(
    private readonly graph: Graph,
    private readonly preparer: RunPreparer,
  ) {}

  all(options: VisualizeOptions): string | Promise<string> {
    return render(pictureOf(this.graph), options);
  }

  /** Validates the call exactly like `execute`, then draws the nodes it would run and feed. */
  execution(outputs: readonly string[], options: VisualizeOptions & ExecuteOptions): string | Promise<string> {
    const { plan } = this.preparer.prepare(outputs, options);
    const names = new Set([...plannedNodeNames(plan), ...plan.feeds.map((f) => f.name), ...outputs]);
    const overrides = new Set(plan.feeds.filter((f) => f.source === 'override').map((f) => f.name));
    return render(pictureOf(this.graph, names, { outputs: new Set(outputs), overrides }), options);
  }
}

function render(picture: GraphPicture, options: VisualizeOptions): string | Promise<string> {
  if (options.format === 'mermaid') return toMermaid(picture, options);
  const dot = toDot(picture, options);
  return options.format === 'svg' ? renderSvg(dot) : dot;
}
