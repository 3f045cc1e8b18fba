import { addModifier } from '../metadata/method-record.js';
import { CheckOutputModifier } from '../modifiers/check-output.modifier.js';
import type { CheckOutputOptions, CheckOutputValidators } from '../validation/check-output-spec.js';

/**
 * Validates a node's value after it is computed. Built-in validators: `range`, `dataType`,
 * `allowNaN`, `maxFractionNaN`, `values`, `nonEmpty`; your own through `custom: [validator]`.
 * A failure logs a warning (`importance: 'warn'`, the default) or throws `DataValidationError`
 * (`'fail'`). The node `x` becomes `x_raw`, one `x_<validator>_validator` node per validator and `x`.
 *
 * @example
 * @node() @checkOutput({ range: [0, 1], allowNaN: false }, { importance: 'fail' })
 * score(raw: Float64Array): Float64Array { return raw.map((v) => v / 100); }
 */
export function checkOutput(validators: CheckOutputValidators, options: CheckOutputOptions = {}): MethodDecorator {
  return (target, method) => addModifier(target, method, new CheckOutputModifier(validators, options));
}
