import type { ConfigResolver, ConfigTest } from './config-condition.modifier.js';

/** A config condition on a step or a mutate target, as `config.when` and its siblings take it. */
export interface StepCondition {
  readonly test: ConfigTest;
  readonly values: unknown;
}

/**
 * The `when*` methods shared by `step(...)` and `applyTo(...)`: each returns a copy of the immutable
 * value with one more condition, all of which must hold for it to apply.
 */
export abstract class Conditional<Self> {
  protected abstract withCondition(condition: StepCondition): Self;

  /** Applies only when every key equals its config value, or when a resolver returns true for the config. */
  when(values: Record<string, unknown> | ConfigResolver): Self {
    return this.withCondition({ test: 'when', values });
  }

  /** Applies only when no key equals its config value. */
  whenNot(values: Record<string, unknown>): Self {
    return this.withCondition({ test: 'whenNot', values });
  }

  /** Applies only when each key's config value is one of the listed values. */
  whenIn(values: Record<string, readonly unknown[]>): Self {
    return this.withCondition({ test: 'whenIn', values });
  }

  /** Applies only when no key's config value is one of the listed values. */
  whenNotIn(values: Record<string, readonly unknown[]>): Self {
    return this.withCondition({ test: 'whenNotIn', values });
  }
}
