import { tagMessages as text } from '../errors/messages.js';

/** The tag namespace the framework keeps for itself (data-quality, materializer tags, ...). */
export const RESERVED_TAG_NAMESPACE = 'hamilton';

/** A dotted identifier: parts of letters, digits and `_`, none starting with a digit. */
const DOTTED_KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Checks user tags as Hamilton does: a key is a dotted identifier (`owner`, `team.name`) outside the
 * reserved `hamilton.` namespace; a value is a string or a non-empty list of distinct strings.
 * Reports each problem; true when there is none.
 */
export function checkUserTags(tags: Readonly<Record<string, unknown>>, label: string, report: (message: string) => void): boolean {
  let ok = true;
  for (const key of Object.keys(tags)) {
    const value = tags[key];
    const keyIssue = keyProblem(key);
    const valueIssue = valueProblem(value);
    if (keyIssue) report(text.badKey(label, key, keyIssue));
    if (valueIssue) report(text.badValue(label, key, value, valueIssue));
    ok &&= !keyIssue && !valueIssue;
  }
  return ok;
}

function keyProblem(key: string): string | undefined {
  if (!DOTTED_KEY.test(key)) return 'a tag key is a dotted identifier such as owner or team.name';
  if (key === RESERVED_TAG_NAMESPACE || key.startsWith(`${RESERVED_TAG_NAMESPACE}.`))
    return `the "${RESERVED_TAG_NAMESPACE}." namespace is reserved for the framework's own tags`;
  return undefined;
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'a tag value is a string or an array of strings';
  if (value.length === 0) return 'an empty list tags nothing; leave the tag out or give at least one string';
  const repeated = value.filter((v, i) => value.indexOf(v) !== i);
  return repeated.length ? `"${repeated[0]}" is listed twice; list each value once` : undefined;
}
