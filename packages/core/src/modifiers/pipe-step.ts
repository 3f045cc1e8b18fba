import { Conditional, type StepCondition } from './conditional.js';

export type { StepCondition } from './conditional.js';

/**
 * Where a step's node is named: a namespace string (`ns.step`), or `true` for the namespace of the
 * node the pipe belongs to (`node.step`).
 */
export type StepNamespace = string | true;

/** What a step was given besides its function and arguments; every field is checked by the graph builder. */
interface StepSettings {
  readonly name?: unknown;
  readonly namespace?: unknown;
  readonly conditions: readonly StepCondition[];
  /** `pipeOutput` only: the outputs of the method this step applies to. */
  readonly onOutput?: unknown;
}

/**
 * One transform of a `pipe` or `pipeOutput`: a function applied to the piped value and its extra
 * arguments (`value(x)` / `source('node')`). Immutable: `named`, `onOutput` and `when*` return a new
 * step. Nothing is checked here; the graph builder reports misuse.
 *
 * @example
 * const doubled: PipeStep = step(scale, value(2)).named('doubled').when({ promo: true });
 */
export class PipeStep extends Conditional<PipeStep> {
  private readonly settings: StepSettings;

  constructor(
    readonly fn: unknown,
    readonly args: readonly unknown[],
    settings: StepSettings = { conditions: [] },
  ) {
    super();
    this.settings = settings;
  }

  /** The name given with `.named()`, if any. */
  get name(): unknown {
    return this.settings.name;
  }

  /** The namespace given with `.named(name, namespace)`, if any. */
  get namespace(): unknown {
    return this.settings.namespace;
  }

  get conditions(): readonly StepCondition[] {
    return this.settings.conditions;
  }

  /** The outputs given with `.onOutput()`, if any. */
  get targetOutputs(): unknown {
    return this.settings.onOutput;
  }

  /**
   * Names the step's node (default: `${node}.${fn.name}`). With a namespace, the node is
   * `${namespace}.${name}`; `true` uses the node the pipe belongs to, so two pipes can reuse step names.
   */
  named(name: string, namespace?: StepNamespace): PipeStep {
    return new PipeStep(this.fn, this.args, { ...this.settings, name, namespace });
  }

  /** `pipeOutput` only: applies this step to the listed outputs of a method with several (extractColumns, ...). */
  onOutput(outputs: string | readonly string[]): PipeStep {
    return new PipeStep(this.fn, this.args, { ...this.settings, onOutput: outputs });
  }

  protected withCondition(condition: StepCondition): PipeStep {
    return new PipeStep(this.fn, this.args, { ...this.settings, conditions: [...this.settings.conditions, condition] });
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
