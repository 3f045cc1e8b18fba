import { addModifier } from '../metadata/method-record.js';
import type { Bindings } from '../modifiers/binding.js';
import { ParameterizeModifier } from '../modifiers/parameterize.modifier.js';

/**
 * Makes one node per output from one method, each binding some parameters to `value(...)`,
 * `source('node')` or `group(...)`; the method's own name is not a node. Unbound parameters stay
 * ordinary dependencies. An output given as `[bindings, doc]` has a doc of its own. In a doc,
 * `{output}` becomes the output's name, `{param}` what that parameter is bound to, or its own name
 * when the output leaves it unbound.
 *
 * @example
 * @node({ doc: 'Spend averaged over {window} days.' })
 * @parameterize({ spend7: { window: value(7) }, spend28: [{ window: value(28) }, 'Spend over four weeks, from {spend}.'] })
 * rollingSpend(spend: Float64Array, window: number): Float64Array { ... }
 */
export function parameterize(outputs: Record<string, Bindings | readonly [Bindings, string]>): MethodDecorator {
  return (target, method) => addModifier(target, method, new ParameterizeModifier(outputs));
}
