import type { GraphAdapter } from '@hamilton-ts/core';
import cliProgress from 'cli-progress';
import { messages } from './messages.js';
import { check, optionsObject } from './options.js';

/**
 * Options of `ProgressBar`.
 *
 * @example
 * const options: ProgressBarOptions = { stream: process.stdout, format: '{bar} {value}/{total} nodes' };
 */
export interface ProgressBarOptions {
  /** `false` never draws; `true` (default) draws when the stream is a TTY. */
  enabled?: boolean;
  /** Where the bar is drawn; `process.stderr` by default. Nothing is drawn unless `stream.isTTY` is `true`. */
  stream?: NodeJS.WritableStream;
  /** A cli-progress format: `{bar}`, `{percentage}`, `{value}`, `{total}`, `{duration_formatted}`, `{eta_formatted}`. */
  format?: string;
}

/**
 * The format `ProgressBar` draws with unless given one.
 *
 * @example
 * new ProgressBar({ format: `${DEFAULT_PROGRESS_FORMAT} | ETA {eta_formatted}` });
 * // nodes [====================--------------------] 50% | 3/6 | 1s | ETA 1s
 */
export const DEFAULT_PROGRESS_FORMAT = 'nodes [{bar}] {percentage}% | {value}/{total} | {duration_formatted}';

/**
 * Draws a progress bar over the nodes of each run: its total is the number of nodes the run computes,
 * and it moves on as each node finishes, failed or not. When nodes of a parallelizable block run more
 * often than counted, the total grows with them. Silent (no bar, no output) when the stream is not a
 * TTY (piped output, CI) or with `enabled: false`. The bar is left on screen when the run ends; runs
 * going on at the same time each draw their own bar, on the same line.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new ProgressBar() });
 * await dr.rawExecute(['spendPerSignup'], { inputs: { spend, signups } });
 * // on a terminal: nodes [========================================] 100% | 2/2 | 0s
 */
export class ProgressBar implements GraphAdapter {
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WritableStream;
  private readonly format: string;
  private readonly runs = new Map<string, { bar: cliProgress.SingleBar; done: number }>();

  constructor(options?: ProgressBarOptions) {
    const {
      enabled = true,
      stream = process.stderr,
      format = DEFAULT_PROGRESS_FORMAT,
    } = optionsObject('ProgressBar', options, '{ stream: process.stdout }');
    check(typeof enabled === 'boolean', messages.badEnabled, enabled);
    check(typeof (stream as { write?: unknown } | null)?.write === 'function', messages.badStream, stream);
    check(typeof format === 'string' && format.length > 0, messages.badFormat, format);
    this.enabled = enabled;
    this.stream = stream;
    this.format = format;
  }

  /** True when runs draw a bar: enabled, on a TTY. */
  get drawing(): boolean {
    return this.enabled && (this.stream as { isTTY?: unknown }).isTTY === true;
  }

  preGraphExecute({ runId, nodeCount }: { runId: string; nodeCount: number }): void {
    if (!this.drawing) return;
    const bar = new cliProgress.SingleBar({ stream: this.stream, format: this.format });
    bar.start(nodeCount, 0);
    this.runs.set(runId, { bar, done: 0 });
  }

  postNodeExecute({ runId }: { runId: string }): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.done++;
    if (run.done > run.bar.getTotal()) run.bar.setTotal(run.done);
    run.bar.update(run.done);
  }

  postGraphExecute({ runId }: { runId: string }): void {
    this.runs.get(runId)?.bar.stop();
    this.runs.delete(runId);
  }
}
