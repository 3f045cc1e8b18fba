import { Conditional, type ConditionalSettings } from './conditional.js';

export type { StepCondition, StepNamespace } from './conditional.js';

/** What a step was given besides its function and arguments; every field is checked by the graph builder. */
interface StepSettings extends ConditionalSettings {
  /** `pipeOutput` only: the outputs of the method this step applies to. */
  readonly onOutput?: unknown;
}

/**
 * One transform of a `pipe` or `pipeOutput`: a function applied to the piped value and its extra
 * arguments (`value(x)` / `source('node')`). Immutable: `named`, `onOutput` and `when*` return a new
 * step; by default its node is `${node}.${fn.name}`. Nothing is checked here; the graph builder
 * reports misuse.
 *
 * @example
 * const doubled: PipeStep = step(scale, value(2)).named('doubled').when({ promo: true });
 */
export class PipeStep extends Conditional<PipeStep, StepSettings> {
  constructor(
    readonly fn: unknown,
    readonly args: readonly unknown[],
    settings: StepSettings = { conditions: [] },
  ) {
    super(settings);
  }

  /** The outputs given with `.onOutput()`, if any. */
  get targetOutputs(): unknown {
    return this.settings.onOutput;
  }

  /** `pipeOutput` only: applies this step to the listed outputs of a method with several (extractColumns, ...). */
  onOutput(outputs: string | readonly string[]): PipeStep {
    return this.withSettings({ ...this.settings, onOutput: outputs });
  }

  protected withSettings(settings: StepSettings): PipeStep {
    return new PipeStep(this.fn, this.args, settings);
  }
}

/**
 * A step of `pipe` or `pipeOutput`: `fn(previousValue, ...args)`, where each of `args` is `value(x)`
 * or `source('node')`.
 *
 * @example
 * const scale = (xs: number[], k: number) => xs.map((x) => x * k);
 * @pipe(step(scale, value(2)).named('doubled'), step(scale, source('factor')).when({ region: 'EU' }))
 * @node() adjusted(raw: number[]): number[] { return raw; }
 */
export function step(fn: (piped: never, ...args: never[]) => unknown, ...args: unknown[]): PipeStep {
  return new PipeStep(fn, args);
}
