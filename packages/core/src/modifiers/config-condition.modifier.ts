import { describeValue } from '../errors/messages.js';
import type { Modifier, ModifierContext } from './modifier.js';

/** How a `config.*` condition compares config values with what it was given. */
export type ConfigTest = 'when' | 'whenNot' | 'whenIn' | 'whenNotIn';

/** A custom condition: decides from the whole config whether a method (or step) is included. */
export type ConfigResolver = (config: Readonly<Record<string, unknown>>) => boolean;

const TESTS: Record<ConfigTest, (actual: unknown, expected: unknown) => boolean> = {
  when: (actual, expected) => Object.is(actual, expected),
  whenNot: (actual, expected) => !Object.is(actual, expected),
  whenIn: (actual, expected) => (expected as unknown[]).some((e) => Object.is(actual, e)),
  whenNotIn: (actual, expected) => !(expected as unknown[]).some((e) => Object.is(actual, e)),
};

/** Includes a method's nodes only when every key of the condition passes against config, or its resolver says so. */
export class ConfigConditionModifier implements Modifier {
  readonly phase = 'resolve';
  readonly order = 0;
  readonly kind: string;

  constructor(
    private readonly test: ConfigTest,
    private readonly condition: unknown,
  ) {
    this.kind = `config.${test}`;
  }

  include(ctx: ModifierContext): boolean {
    if (typeof this.condition === 'function') return this.resolve(this.condition as ConfigResolver, ctx);
    if (this.condition === null || typeof this.condition !== 'object' || Array.isArray(this.condition)) {
      ctx.report(
        `${ctx.where}: @${this.kind} takes a record of config values${this.test === 'when' ? ' or a function of the config' : ''}, got ${describeValue(this.condition)}`,
      );
      return false;
    }
    const lists = this.test === 'whenIn' || this.test === 'whenNotIn';
    const condition = this.condition as Record<string, unknown>;
    const keys = Object.keys(condition);
    if (keys.length === 0) ctx.report(`${ctx.where}: @${this.kind}({}) has no keys; name at least one config key`);
    const check = TESTS[this.test];
    let passes = true;
    for (const key of keys) {
      const expected = condition[key];
      if (lists && !Array.isArray(expected))
        ctx.report(`${ctx.where}: @${this.kind} needs an array of values for "${key}", got ${JSON.stringify(expected)}`);
      else passes &&= check(ctx.config[key], expected);
    }
    return passes;
  }

  /** A custom resolver must answer true or false; a throw or another answer is the user's bug, reported with its cause. */
  private resolve(resolver: ConfigResolver, ctx: ModifierContext): boolean {
    if (this.test !== 'when') {
      ctx.report(`${ctx.where}: @${this.kind} takes a record of config values; only config.when takes a function of the config`);
      return false;
    }
    let verdict: unknown;
    try {
      verdict = resolver(ctx.config);
    } catch (error) {
      ctx.report(
        `${ctx.where}: the config.when resolver${resolver.name ? ` ${resolver.name}` : ''} threw: ${error instanceof Error ? error.message : String(error)}; make it return true or false for every config`,
      );
      return false;
    }
    if (typeof verdict === 'boolean') return verdict;
    ctx.report(
      `${ctx.where}: the config.when resolver${resolver.name ? ` ${resolver.name}` : ''} returned ${describeValue(verdict)}; it must return true or false`,
    );
    return false;
  }
}
