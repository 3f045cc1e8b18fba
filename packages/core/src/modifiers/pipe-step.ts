import type { ConfigTest } from './config-condition.modifier.js';

/** A config condition on a step, as `config.when` and its siblings take it. */
export interface StepCondition {
  readonly test: ConfigTest;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * One transform of a `pipe`: a function applied to the piped value and its extra arguments
 * (`value(x)` / `source('node')`). Immutable: `named` and `when*` return a new step. Nothing is
 * checked here; the graph builder reports misuse.
 *
 * @example
 * const doubled: PipeStep = step(scale, value(2)).named('doubled').when({ promo: true });
 */
export class PipeStep {
  constructor(
    readonly fn: unknown,
    readonly args: readonly unknown[],
    readonly name?: unknown,
    readonly conditions: readonly StepCondition[] = [],
  ) {}

  /** Names the step's node (default: `${node}.${fn.name}`). */
  named(name: string): PipeStep {
    return new PipeStep(this.fn, this.args, name, this.conditions);
  }

  /** Includes the step only when every key equals its config value. */
  when(values: Record<string, unknown>): PipeStep {
    return this.withCondition('when', values);
  }

  /** Includes the step only when no key equals its config value. */
  whenNot(values: Record<string, unknown>): PipeStep {
    return this.withCondition('whenNot', values);
  }

  /** Includes the step only when each key's config value is one of the listed values. */
  whenIn(values: Record<string, readonly unknown[]>): PipeStep {
    return this.withCondition('whenIn', values);
  }

  /** Includes the step only when no key's config value is one of the listed values. */
  whenNotIn(values: Record<string, readonly unknown[]>): PipeStep {
    return this.withCondition('whenNotIn', values);
  }

  private withCondition(test: ConfigTest, values: Readonly<Record<string, unknown>>): PipeStep {
    return new PipeStep(this.fn, this.args, this.name, [...this.conditions, { test, values }]);
  }
}

/**
 * A step of `pipe`: `fn(previousValue, ...args)`, where each of `args` is `value(x)` or
 * `source('node')`.
 *
 * @example
 * const scale = (xs: number[], k: number) => xs.map((x) => x * k);
 * @pipe(step(scale, value(2)).named('doubled'), step(scale, source('factor')).when({ region: 'EU' }))
 * @node() adjusted(raw: number[]): number[] { return raw; }
 */
export function step(fn: (piped: never, ...args: never[]) => unknown, ...args: unknown[]): PipeStep {
  return new PipeStep(fn, args);
}
