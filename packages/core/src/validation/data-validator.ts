/**
 * What a validator says about one value. `offending` holds (some of) the values that broke the rule.
 *
 * @example
 * const result: ValidationResult = { passed: false, message: '2 of 10 values are negative', offending: [-1, -3] };
 */
export interface ValidationResult {
  readonly passed: boolean;
  readonly message: string;
  readonly offending?: readonly unknown[];
}

/**
 * A data validator for `checkOutput({ custom: [validator] })`: a name (it names the validator node
 * `<node>_<name>_validator`) and a check of the node's value.
 *
 * @example
 * const even: DataValidator = {
 *   name: 'even',
 *   validate: (v) => {
 *     const odd = Array.from(v as number[]).filter((x) => x % 2 !== 0);
 *     return { passed: odd.length === 0, message: `${odd.length} odd values`, offending: odd.slice(0, 5) };
 *   },
 * };
 */
export interface DataValidator {
  readonly name: string;
  validate(value: unknown): ValidationResult;
}

/**
 * What a failed check does: `'warn'` logs through the logger, `'fail'` throws `DataValidationError`.
 *
 * @example
 * @node() @checkOutput({ nonEmpty: true }, { importance: 'fail' satisfies Importance }) rows(...) { ... }
 */
export type Importance = 'warn' | 'fail';

/**
 * The value of a validator node: the validator's result plus which node and validator it is about
 * and how much it matters. Lifecycle adapters see it as `result` in `postNodeExecute`.
 *
 * @example
 * postNodeExecute: ({ node, result }) => {
 *   if (node.tags['hamilton.data_quality.contains_dq_results'] === 'true') report(result as ValidationOutcome);
 * }
 */
export interface ValidationOutcome {
  readonly node: string;
  readonly validator: string;
  readonly importance: Importance;
  readonly passed: boolean;
  readonly message: string;
  readonly offending: readonly unknown[];
}
