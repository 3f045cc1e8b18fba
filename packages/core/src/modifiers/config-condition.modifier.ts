import type { Modifier, ModifierContext } from './modifier.js';

/** How a `config.*` condition compares config values with what it was given. */
export type ConfigTest = 'when' | 'whenNot' | 'whenIn' | 'whenNotIn';

const TESTS: Record<ConfigTest, (actual: unknown, expected: unknown) => boolean> = {
  when: (actual, expected) => Object.is(actual, expected),
  whenNot: (actual, expected) => !Object.is(actual, expected),
  whenIn: (actual, expected) => (expected as unknown[]).some((e) => Object.is(actual, e)),
  whenNotIn: (actual, expected) => !(expected as unknown[]).some((e) => Object.is(actual, e)),
};

/** Includes a method's nodes only when every key of the condition passes against config. */
export class ConfigConditionModifier implements Modifier {
  readonly phase = 'resolve';
  readonly order = 0;
  readonly kind: string;

  constructor(
    private readonly test: ConfigTest,
    private readonly condition: Readonly<Record<string, unknown>>,
  ) {
    this.kind = `config.${test}`;
  }

  include(ctx: ModifierContext): boolean {
    const lists = this.test === 'whenIn' || this.test === 'whenNotIn';
    const entries = Object.entries(this.condition ?? {});
    if (entries.length === 0) ctx.report(`${ctx.where}: @${this.kind}({}) has no keys; name at least one config key`);
    for (const [key, expected] of entries)
      if (lists && !Array.isArray(expected))
        ctx.report(`${ctx.where}: @${this.kind} needs an array of values for "${key}", got ${JSON.stringify(expected)}`);
    const check = TESTS[this.test];
    return entries.every(([key, expected]) => (lists && !Array.isArray(expected)) || check(ctx.config[key], expected));
  }
}
