import type { ValidationResult } from './data-validator.js';
import { type ElementGroup, isMissing } from './value-elements.js';

/** How many offending values a built-in validator keeps and shows. */
export const OFFENDING_SHOWN = 5;

/** A short printable form of one value: numbers as written, strings quoted, objects by class. */
export function showValue(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 30 ? `${x.slice(0, 30)}…` : x);
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'function') return `function ${x.name || '(anonymous)'}`;
  if (x !== null && typeof x === 'object') return (x as object).constructor?.name ?? 'Object';
  return String(x);
}

/**
 * Checks the elements of every group and turns the findings into a result: the count of offending
 * elements, and the first few with their position (`[3]`, `col[3]`) in the message and in
 * `offending`. With `skipMissing`, NaN/null/undefined entries of lists are not judged (a scalar is).
 */
export function judgeElements(
  groups: readonly ElementGroup[],
  isOffending: (x: unknown) => boolean,
  phrases: { readonly failing: string; readonly passing: string },
  skipMissing: boolean,
): ValidationResult {
  let checked = 0;
  let count = 0;
  const shown: string[] = [];
  const offending: unknown[] = [];
  for (const group of groups)
    for (let i = 0; i < group.values.length; i++) {
      const x = group.values[i];
      if (skipMissing && !group.scalar && isMissing(x)) continue;
      checked++;
      if (!isOffending(x)) continue;
      if (++count > OFFENDING_SHOWN) continue;
      offending.push(x);
      shown.push(group.scalar ? showValue(x) : `${group.column}[${i}] ${showValue(x)}`);
    }
  const scalar = groups.length === 1 && groups[0].scalar;
  if (count === 0)
    return {
      passed: true,
      message: scalar ? `the value is ${phrases.passing}` : `all ${checked} values are ${phrases.passing}`,
      offending: [],
    };
  const head = scalar
    ? `the value is ${phrases.failing}`
    : `${count} of ${checked} values ${count === 1 ? 'is' : 'are'} ${phrases.failing}`;
  const more = count > OFFENDING_SHOWN ? ', …' : '';
  return { passed: false, message: `${head}: ${shown.join(', ')}${more}`, offending };
}
