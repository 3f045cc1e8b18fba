import { checkOutputMessages as text } from '../errors/messages.js';
import {
  dataTypeValidator,
  maxFractionNaNValidator,
  noNaNValidator,
  nonEmptyValidator,
  rangeValidator,
  valuesValidator,
} from './builtin-validators.js';
import type { DataValidator, Importance } from './data-validator.js';

/**
 * The validators of `checkOutput`, by key. Element-wise ones (range, dataType, values, allowNaN,
 * maxFractionNaN) apply to a scalar, to each entry of an array or typed array, and to each entry of
 * every column of an arquero table (or of `columns`).
 *
 * @example
 * @node() @checkOutput({ range: [0, 1], dataType: Number, allowNaN: false, custom: [even] }) score(...) { ... }
 */
export interface CheckOutputValidators {
  /** Present values lie in [min, max] (inclusive). */
  readonly range?: readonly [number, number];
  /** The value is of this type, or each present entry is (`Number` accepts `Float64Array` and `number[]`). */
  readonly dataType?: Function;
  /** `false`: no NaN, null or undefined anywhere (`true` adds no check). */
  readonly allowNaN?: boolean;
  /** At most this fraction (0..1) of each list or column is missing. */
  readonly maxFractionNaN?: number;
  /** Present values are among these. */
  readonly values?: readonly unknown[];
  /** `true`: the value has rows / a length (`false` adds no check). */
  readonly nonEmpty?: boolean;
  /** Your own validators. */
  readonly custom?: readonly DataValidator[];
}

/**
 * How `checkOutput` reacts and what it looks at.
 *
 * @example
 * @node() @checkOutput({ allowNaN: false }, { importance: 'fail', columns: ['spend'] }) marketing(): ColumnTable { ... }
 */
export interface CheckOutputOptions {
  /** `'warn'` (default) logs through the logger; `'fail'` throws `DataValidationError`. */
  readonly importance?: Importance;
  /** For table values: the columns to check (default: every column). */
  readonly columns?: readonly string[];
}

type Columns = readonly string[] | undefined;
type Parse = (arg: unknown, columns: Columns, bad: (expected: string) => void) => DataValidator | undefined;

const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

const PARSERS: Readonly<Record<string, Parse>> = {
  range: (arg, columns, bad) => {
    const pair = Array.isArray(arg) && arg.length === 2 && isNumber(arg[0]) && isNumber(arg[1]) && arg[0] <= arg[1];
    return pair
      ? rangeValidator(arg[0], arg[1], columns)
      : void bad('give a [min, max] pair of numbers with min <= max, e.g. range: [0, 1]');
  },
  dataType: (arg, columns, bad) =>
    typeof arg === 'function'
      ? dataTypeValidator(arg, columns)
      : void bad('give a constructor such as Number, String, Boolean or Float64Array'),
  allowNaN: (arg, columns, bad) => (typeof arg !== 'boolean' ? void bad('give true or false') : arg ? undefined : noNaNValidator(columns)),
  maxFractionNaN: (arg, columns, bad) =>
    isNumber(arg) && arg >= 0 && arg <= 1
      ? maxFractionNaNValidator(arg, columns)
      : void bad('give a fraction between 0 and 1, e.g. maxFractionNaN: 0.1'),
  values: (arg, columns, bad) =>
    Array.isArray(arg) && arg.length > 0 ? valuesValidator(arg, columns) : void bad('give a non-empty array of allowed values'),
  nonEmpty: (arg, _columns, bad) => (typeof arg !== 'boolean' ? void bad('give true or false') : arg ? nonEmptyValidator() : undefined),
};

/** The keys `checkOutput` understands. */
export const VALIDATOR_KEYS: readonly string[] = [...Object.keys(PARSERS), 'custom'];

/** Turns `checkOutput`'s first argument into validators, reporting every misuse. */
export function parseValidators(spec: unknown, columns: Columns, where: string, report: (message: string) => void): DataValidator[] {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    report(text.notAnObject(where, spec));
    return [];
  }
  const entries = Object.entries(spec);
  if (entries.length === 0) report(text.noValidators(where, VALIDATOR_KEYS));
  const validators: DataValidator[] = [];
  for (const [key, arg] of entries) {
    if (key === 'custom') validators.push(...parseCustom(arg, where, report));
    else if (!(key in PARSERS)) report(text.unknownValidator(where, key, VALIDATOR_KEYS));
    else {
      const made = PARSERS[key](arg, columns, (expected) => report(text.badArgument(where, key, arg, expected)));
      if (made) validators.push(made);
    }
  }
  return validators;
}

function parseCustom(arg: unknown, where: string, report: (message: string) => void): DataValidator[] {
  if (!Array.isArray(arg)) {
    report(text.badArgument(where, 'custom', arg, 'give an array of validators: custom: [myValidator]'));
    return [];
  }
  return arg.filter((v, i) => {
    const ok = v !== null && typeof v === 'object' && typeof v.name === 'string' && v.name !== '' && typeof v.validate === 'function';
    if (!ok) report(text.badCustom(where, i, v));
    return ok;
  });
}

/** Reads `checkOutput`'s options, reporting every misuse; defaults: importance 'warn', every column. */
export function parseOptions(
  options: unknown,
  where: string,
  report: (message: string) => void,
): { importance: Importance; columns: Columns } {
  const parsed: { importance: Importance; columns: Columns } = { importance: 'warn', columns: undefined };
  if (options === undefined) return parsed;
  if (options === null || typeof options !== 'object') {
    report(text.badArgument(where, 'options', options, "give { importance: 'warn' | 'fail', columns?: ['a'] }"));
    return parsed;
  }
  for (const [key, v] of Object.entries(options)) {
    if (key === 'importance') {
      if (v === 'warn' || v === 'fail') parsed.importance = v;
      else report(text.badImportance(where, v));
    } else if (key === 'columns') {
      if (Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === 'string')) parsed.columns = v;
      else report(text.badColumns(where, v));
    } else report(text.unknownOption(where, key));
  }
  return parsed;
}
