import type { ConfigResolver, ConfigTest } from './config-condition.modifier.js';

/** A config condition on a step or a mutate target, as `config.when` and its siblings take it. */
export interface StepCondition {
  readonly test: ConfigTest;
  readonly values: unknown;
}

/**
 * Where a step's node is named: a namespace string (`ns.step`), or `true` for the namespace of the
 * node the step applies to (`node.step`).
 */
export type StepNamespace = string | true;

/** What a step or mutate target was given besides its own arguments; checked by the graph builder. */
export interface ConditionalSettings {
  readonly name?: unknown;
  readonly namespace?: unknown;
  readonly conditions: readonly StepCondition[];
}

/**
 * What `step(...)` and `applyTo(...)` share: a name, a namespace and config conditions, each added
 * by a method returning a copy of the immutable value (`withSettings` makes it).
 */
export abstract class Conditional<Self, Settings extends ConditionalSettings = ConditionalSettings> {
  constructor(protected readonly settings: Settings) {}

  /** A copy of this value with `settings` instead of its own. */
  protected abstract withSettings(settings: Settings): Self;

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

  /**
   * Names the node this makes (by default from the node it applies to and the function's name). With a
   * namespace, the node is `${namespace}.${name}`; `true` uses the node it applies to, so two pipes or
   * targets can reuse names.
   */
  named(name: string, namespace?: StepNamespace): Self {
    return this.withSettings({ ...this.settings, name, namespace });
  }

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

  private withCondition(condition: StepCondition): Self {
    return this.withSettings({ ...this.settings, conditions: [...this.settings.conditions, condition] });
  }
}
