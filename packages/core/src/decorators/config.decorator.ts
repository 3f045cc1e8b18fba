import { addModifier } from '../metadata/method-record.js';
import { ConfigConditionModifier, type ConfigTest } from '../modifiers/config-condition.modifier.js';

const condition =
  (test: ConfigTest) =>
  (values: Record<string, unknown>): MethodDecorator =>
  (target, method) =>
    addModifier(target, method, new ConfigConditionModifier(test, values));

/**
 * Config-driven node selection. A node is included only when config matches; several conditions
 * on one method must all hold; a key absent from config compares as `undefined`. Give variants
 * of one node a `__suffix` (`mean__us`, `mean__eu`): both become node `mean`.
 *
 * @example
 * @node() @config.when({ region: 'US' }) tax__us(price: number) { return price * 0.07; }
 * @node() @config.whenNot({ region: 'US' }) tax__other(price: number) { return price * 0.2; }
 */
export const config = {
  /** Include when every key equals its value. */
  when: condition('when'),
  /** Include when no key equals its value. */
  whenNot: condition('whenNot'),
  /** Include when every key's config value is one of the listed values. */
  whenIn: condition('whenIn') as (values: Record<string, readonly unknown[]>) => MethodDecorator,
  /** Include when no key's config value is one of the listed values. */
  whenNotIn: condition('whenNotIn') as (values: Record<string, readonly unknown[]>) => MethodDecorator,
};
