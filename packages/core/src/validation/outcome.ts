import { DataValidationError } from '../errors/data-validation-error.js';
import { checkOutputMessages as text } from '../errors/messages.js';
import { getLogger } from '../logging/logger.js';
import { isBuiltInValidator } from './builtin-validators.js';
import type { DataValidator, Importance, ValidationOutcome } from './data-validator.js';
import { OFFENDING_SHOWN, showValue } from './offending-elements.js';

/** Runs one validator on a node's value: the value of that validator's node. */
export function runValidator(node: string, validator: DataValidator, importance: Importance, value: unknown): ValidationOutcome {
  const result = validator.validate(value);
  if (result === null || typeof result !== 'object' || typeof result.passed !== 'boolean')
    throw new TypeError(
      `validator "${validator.name}" returned ${showValue(result)}; validate(value) must return { passed: boolean, message: string, offending?: unknown[] }`,
    );
  const offending = Array.isArray(result.offending) ? result.offending.slice(0, OFFENDING_SHOWN) : [];
  let message = String(result.message ?? '');
  // Built-in messages already list the offending values with their positions; add them for custom ones.
  if (!result.passed && offending.length && !isBuiltInValidator(validator))
    message += ` (offending: ${offending.map(showValue).join(', ')})`;
  return { node, validator: validator.name, importance, passed: result.passed, message, offending };
}

/**
 * What the checked node does with its validators' outcomes: every failed `'warn'` one goes to the
 * logger, then the first failed `'fail'` one throws. The value passes through unchanged.
 */
export function enforceOutcomes(value: unknown, outcomes: readonly ValidationOutcome[]): unknown {
  let failure: ValidationOutcome | undefined;
  for (const o of outcomes) {
    if (o.passed) continue;
    if (o.importance === 'fail') failure ??= o;
    else getLogger().warn(text.failed(o.node, o.validator, o.message), o);
  }
  if (failure)
    throw new DataValidationError(
      failure.node,
      failure.validator,
      failure.offending,
      text.failed(failure.node, failure.validator, failure.message) + text.failHint,
    );
  return value;
}
