import { addModifier } from '../metadata/method-record.js';
import { ConfigConditionModifier, type ConfigResolver, type ConfigTest } from '../modifiers/config-condition.modifier.js';

const condition =
  (test: ConfigTest) =>
  (values: Record<string, unknown> | ConfigResolver): MethodDecorator =>
  (target, method) =>
    addModifier(target, method, new ConfigConditionModifier(test, values));

/**
 * Config-driven node selection. A node is included only when config matches; several conditions
 * on one method must all hold; a key absent from config compares as `undefined`. Give variants
 * of one node a `__suffix` (`mean__us`, `mean__eu`): both become node `mean`. `config.when` also
 * takes a function of the whole config (Hamilton's custom resolver) that returns true or false.
 *
 * @example
 * @node() @config.when({ region: 'US' }) tax__us(price: number) { return price * 0.07; }
 * @node() @config.whenNot({ region: 'US' }) tax__other(price: number) { return price * 0.2; }
 * @node() @config.when((c) => Number(c.year) >= 2025) surcharge(price: number) { return price * 0.01; }
 */
export const config = {
  /** Include when every key equals its value, or when `resolver(config)` returns true. */
  when: condition('when') as (condition: Record<string, unknown> | ConfigResolver) => MethodDecorator,
  /** Include when no key equals its value. */
  whenNot: condition('whenNot') as (values: Record<string, unknown>) => MethodDecorator,
  /** Include when every key's config value is one of the listed values. */
  whenIn: condition('whenIn') as (values: Record<string, readonly unknown[]>) => MethodDecorator,
  /** Include when no key's config value is one of the listed values. */
  whenNotIn: condition('whenNotIn') as (values: Record<string, readonly unknown[]>) => MethodDecorator,
};
