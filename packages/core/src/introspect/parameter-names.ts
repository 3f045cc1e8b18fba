import { plainParameterList } from './plain-parameter-list.js';

/** A parameter as read from source: its name and whether it has a default value. */
export interface ParsedParameter {
  readonly name: string;
  readonly hasDefault: boolean;
}

/** Parameters read from source, or why they cannot be read. */
export type ParameterReading =
  | { readonly ok: true; readonly params: readonly ParsedParameter[] }
  | { readonly ok: false; readonly reason: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const BARE_ARROW = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/;
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/**
 * Reads parameter names from a function's source (`fn.toString()`): methods, function expressions
 * and arrows. Destructured, rest and unreadable parameters are reported so the caller can ask for
 * `@dependsOn` instead of guessing.
 */
export function readParameters(fn: Function): ParameterReading {
  const source = Function.prototype.toString.call(fn);
  if (source.endsWith('[native code] }')) return { ok: false, reason: 'its source is not available (native or bound function)' };
  const plain = plainParameterList(source);
  if (plain) return { ok: true, params: plain.map((name) => ({ name, hasDefault: false })) };
  const bare = BARE_ARROW.exec(source);
  if (bare) return { ok: true, params: [{ name: bare[1], hasDefault: false }] };
  const open = findParameterListStart(source);
  if (open < 0) return { ok: false, reason: 'its parameter list cannot be found in its source' };
  const pieces = splitTopLevel(source, open);
  if (!pieces) return { ok: false, reason: 'its parameter list cannot be parsed' };
  const params: ParsedParameter[] = [];
  for (const [index, raw] of pieces.entries()) {
    const text = stripComments(raw).trim();
    if (text === '') continue;
    if (text.startsWith('...')) return { ok: false, reason: `parameter ${index + 1} is a rest parameter` };
    if (text.startsWith('{') || text.startsWith('[')) return { ok: false, reason: `parameter ${index + 1} is destructured` };
    const eq = text.indexOf('=');
    const name = (eq < 0 ? text : text.slice(0, eq)).trim();
    if (!IDENTIFIER.test(name)) return { ok: false, reason: `parameter ${index + 1} ("${name}") cannot be read` };
    params.push({ name, hasDefault: eq >= 0 });
  }
  return { ok: true, params };
}

/** Index of the `(` that opens the parameter list: the first one outside a computed method name. */
function findParameterListStart(source: string): number {
  let i = 0;
  if (source[0] === '[')
    i = skipBalanced(source, 0); // ['computed name'](...)
  else if (source[0] === '"' || source[0] === "'") i = skipString(source, 0);
  return i < 0 ? -1 : source.indexOf('(', i);
}

/** Splits the text inside the parentheses opening at `open` on top-level commas. */
function splitTopLevel(source: string, open: number): string[] | undefined {
  const pieces: string[] = [];
  let start = open + 1;
  for (let i = open + 1; i < source.length; ) {
    const c = source[i];
    if (c === ')') {
      pieces.push(source.slice(start, i));
      return pieces;
    }
    if (c === ',') {
      pieces.push(source.slice(start, i));
      start = ++i;
      continue;
    }
    const next = skipToken(source, i);
    if (next < 0) return undefined;
    i = next;
  }
  return undefined;
}

/** Index just past the token at `i`: a string, comment, bracketed group, or one character. */
function skipToken(source: string, i: number): number {
  const c = source[i];
  if (c === '"' || c === "'" || c === '`') return skipString(source, i);
  if (c === '/' && source[i + 1] === '*') return source.indexOf('*/', i + 2) + 2 || -1;
  if (c === '/' && source[i + 1] === '/') return source.indexOf('\n', i) + 1 || -1;
  if (OPENERS[c]) return skipBalanced(source, i);
  return i + 1;
}

function skipBalanced(source: string, open: number): number {
  const close = OPENERS[source[open]];
  for (let i = open + 1; i < source.length; ) {
    if (source[i] === close) return i + 1;
    const next = skipToken(source, i);
    if (next < 0) return -1;
    i = next;
  }
  return -1;
}

function skipString(source: string, open: number): number {
  const quote = source[open];
  for (let i = open + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && source[i + 1] === '{') {
      i = skipBalanced(source, i + 1) - 1;
      if (i < 0) return -1;
    }
  }
  return -1;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}
