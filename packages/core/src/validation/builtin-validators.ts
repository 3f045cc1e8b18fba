import { valueMatchesType } from '../graph/type-compat.js';
import type { DataValidator, ValidationResult } from './data-validator.js';
import { judgeElements, showValue } from './offending-elements.js';
import { elementGroups, isListLike, isMissing, isTableLike } from './value-elements.js';

// The validators behind checkOutput's built-in keys. Element-wise ones work on a scalar, an array,
// a typed array, or every (selected) column of an arquero table.

type Columns = readonly string[] | undefined;

/**
 * The validators made here are of this class, which tells them from users' own: a graph build
 * makes one per checked node, and a WeakSet of them cost more than the rest of their making.
 */
class BuiltInValidator implements DataValidator {
  constructor(
    readonly name: string,
    readonly validate: (value: unknown) => ValidationResult,
  ) {}
}

const builtIn = (v: DataValidator): DataValidator => new BuiltInValidator(v.name, v.validate);

/** Whether a validator is one of these (their messages already show the offending values and where they are). */
export function isBuiltInValidator(v: DataValidator): boolean {
  return v instanceof BuiltInValidator;
}

function elementWise(
  name: string,
  columns: Columns,
  isOffending: (x: unknown) => boolean,
  phrases: { failing: string; passing: string },
  skipMissing = true,
): DataValidator {
  return builtIn({
    name,
    validate(value): ValidationResult {
      const groups = elementGroups(value, columns);
      if (typeof groups === 'string') return { passed: false, message: groups, offending: [] };
      return judgeElements(groups, isOffending, phrases, skipMissing);
    },
  });
}

/** Present values must be numbers (or bigints) within [min, max]. */
export function rangeValidator(min: number, max: number, columns?: Columns): DataValidator {
  const inRange = (x: unknown) => (typeof x === 'number' || typeof x === 'bigint') && x >= min && x <= max;
  return elementWise('range', columns, (x) => !inRange(x), { failing: `outside [${min}, ${max}]`, passing: `within [${min}, ${max}]` });
}

/**
 * The value is of `type`, or — for arrays, typed arrays and table columns — every present element is
 * (so `Number` accepts a `Float64Array` or a `number[]`, and `Float64Array` asks for the array itself).
 */
export function dataTypeValidator(type: Function, columns?: Columns): DataValidator {
  const inner = elementWise('dataType', columns, (x) => !valueMatchesType(x, type), {
    failing: `not ${type.name}`,
    passing: `${type.name}`,
  });
  return builtIn({
    name: 'dataType',
    validate: (value) =>
      columns === undefined && valueMatchesType(value, type)
        ? { passed: true, message: `the value is a ${type.name}`, offending: [] }
        : inner.validate(value),
  });
}

/** No NaN, null or undefined anywhere. */
export function noNaNValidator(columns?: Columns): DataValidator {
  return elementWise('allowNaN', columns, isMissing, { failing: 'missing (NaN, null or undefined)', passing: 'present' }, false);
}

/** In each list or column, at most `fraction` of the entries are missing (NaN, null or undefined). */
export function maxFractionNaNValidator(fraction: number, columns?: Columns): DataValidator {
  return builtIn({
    name: 'maxFractionNaN',
    validate(value): ValidationResult {
      const groups = elementGroups(value, columns);
      if (typeof groups === 'string') return { passed: false, message: groups, offending: [] };
      const over = groups
        .map((g) => ({ label: g.column || 'the value', missing: countMissing(g.values), total: g.values.length }))
        .filter((g) => g.total > 0 && g.missing / g.total > fraction);
      if (over.length === 0) return { passed: true, message: `at most ${fraction} of the entries are missing`, offending: [] };
      const parts = over.map((g) => `${g.label}: ${g.missing} of ${g.total} missing (${(g.missing / g.total).toFixed(3)})`);
      return {
        passed: false,
        message: `more than ${fraction} of the entries are missing in ${parts.join('; ')}`,
        offending: over.map((g) => g.label),
      };
    },
  });
}

/** Present values must be among `allowed` (compared like `Set.has`: NaN equals NaN, objects by identity). */
export function valuesValidator(allowed: readonly unknown[], columns?: Columns): DataValidator {
  const set = new Set(allowed);
  const listed = allowed.slice(0, 10).map(showValue).join(', ') + (allowed.length > 10 ? ', …' : '');
  return elementWise('values', columns, (x) => !set.has(x), { failing: `not one of {${listed}}`, passing: `in {${listed}}` });
}

/** The value has at least one entry: a table has rows, a list or string has a length, null/undefined fail. */
export function nonEmptyValidator(): DataValidator {
  return builtIn({
    name: 'nonEmpty',
    validate(value): ValidationResult {
      const size = sizeOf(value);
      return size === 0
        ? { passed: false, message: `the value is empty (${showValue(value)})`, offending: [value] }
        : { passed: true, message: 'the value is not empty', offending: [] };
    },
  });
}

function countMissing(values: ArrayLike<unknown>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (isMissing(values[i])) n++;
  return n;
}

/** Number of entries, or undefined for a scalar that has no notion of size (it counts as non-empty). */
function sizeOf(value: unknown): number | undefined {
  if (value === null || value === undefined) return 0;
  if (isTableLike(value)) return value.numRows();
  if (isListLike(value) || typeof value === 'string') return value.length;
  if (value instanceof Map || value instanceof Set) return value.size;
  return undefined;
}
