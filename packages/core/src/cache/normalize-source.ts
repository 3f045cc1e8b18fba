const SPACE = 32;
const DOUBLE_QUOTE = 34;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const CLOSE_PAREN = 41;
const STAR = 42;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const BACKTICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Keywords that end no expression, so a `/` after them starts a regex literal. */
const REGEX_KEYWORDS = new Set('return typeof instanceof in of new delete void throw case do else yield await'.split(' '));

const DECIMAL_INTEGER = /^[0-9_]+$/;
const UNICODE_SPACES = new Set([0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

function isWhitespace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13);
  return (c >= 0x2000 && c <= 0x200a) || UNICODE_SPACES.has(c);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029; // \n, \r and the Unicode line and paragraph separators
}

/** Identifier characters; `\` starts a `\u` escape in an identifier, and any non-ASCII is taken as a letter. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DOLLAR || c === BACKSLASH || c >= 128;
}

/** Whether dropping the whitespace between these two characters would merge or create a token. */
function needsSpace(prev: number, next: number): boolean {
  if (isWordChar(prev)) return isWordChar(next);
  if (prev === PLUS || prev === MINUS) return next === prev; // `a + +b` is not `a ++b`
  return prev === SLASH && (next === SLASH || next === STAR); // `/ /re/` must not read as a comment
}

/** Index past the closing quote (in a template, or past a `${`), or the end of input when the literal is unterminated. */
function literalEnd(source: string, from: number, quote: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === quote) return i + 1;
    else if (quote === BACKTICK && c === DOLLAR && source.charCodeAt(i + 1) === OPEN_BRACE) return i + 2;
  }
  return source.length;
}

/**
 * Index past a regex literal and its flags. If the line ends first, the `/` was a division (regexes cannot span lines):
 * then minus the index where the line ends.
 */
function regexEnd(source: string, from: number): number {
  let inClass = false; // a `/` inside `[...]` does not close the regex
  for (let i = from + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (isLineBreak(c)) return -i;
    else if (c === OPEN_BRACKET) inClass = true;
    else if (c === CLOSE_BRACKET) inClass = false;
    else if (c === SLASH && !inClass) {
      let end = i + 1;
      while (end < source.length && isWordChar(source.charCodeAt(end))) end++;
      return end;
    }
  }
  return -source.length;
}

/**
 * Canonical form of JavaScript source (`Function.prototype.toString` output) with comments and formatting removed,
 * so that a cached result keyed on a node's code version survives reformatting and comment edits but no code change.
 */
export function normalizeSource(source: string): string {
  let out = ''; // finished output; tokens from `runStart` on are copied later as one slice of `source`
  let runStart = 0;
  let pendingSpace = false; // whitespace or a comment was skipped since the last token
  let regexAllowed = true; // a `/` here starts a regex literal rather than a division
  let integerEnded = false; // `1 .e5` (property) must not become `1.e5` (number)
  let braceDepth = 0;
  const templateDepths: number[] = []; // braceDepth at each open `${`: the `}` that returns to it resumes the template
  let last = -1; // the last two characters written, kept apart because reading `out` would flatten it each time
  let beforeLast = -1;
  let noRegexBefore = 0; // where a failed regex scan stopped: rescanning from each `/` before it could be quadratic
  let i = 0;

  /** Ends the current run where whitespace or a comment starts. */
  const skip = (): void => {
    if (!pendingSpace) out += source.slice(runStart, i);
    pendingSpace = true;
  };
  /** Accounts for the token `source[start, end)`, starting a new run (and a space if needed) after a skip. */
  const token = (start: number, end: number): void => {
    if (pendingSpace) {
      const next = source.charCodeAt(start);
      if (needsSpace(last, next) || (integerEnded && next === DOT)) {
        out += ' ';
        last = SPACE;
      }
      runStart = start;
      pendingSpace = false;
    }
    beforeLast = end - start > 1 ? source.charCodeAt(end - 2) : last;
    last = source.charCodeAt(end - 1);
    integerEnded = false;
  };

  while (i < source.length) {
    const c = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    if (isWhitespace(c)) {
      skip();
      i++;
    } else if (c === SLASH && next === SLASH) {
      skip();
      i += 2;
      while (i < source.length && !isLineBreak(source.charCodeAt(i))) i++;
    } else if (c === SLASH && next === STAR) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        token(i, source.length); // unterminated: kept as it is
        break;
      }
      skip(); // a comment separates tokens like whitespace: `return/**/x` is `return x`
      i = close + 2;
    } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = literalEnd(source, i + 1, c);
      token(i, end);
      regexAllowed = false;
      i = end;
    } else if (c === BACKTICK || (c === CLOSE_BRACE && templateDepths[templateDepths.length - 1] === braceDepth)) {
      if (c === CLOSE_BRACE) templateDepths.pop();
      const end = literalEnd(source, i + 1, BACKTICK);
      token(i, end);
      regexAllowed = source.charCodeAt(end - 1) === OPEN_BRACE; // stopped at `${`: code follows
      if (regexAllowed) templateDepths.push(braceDepth);
      i = end;
    } else if (isWordChar(c)) {
      let end = i + 1;
      while (end < source.length && isWordChar(source.charCodeAt(end))) end++;
      const isProperty = last === DOT && beforeLast !== DOT; // `o.return / 2`
      token(i, end);
      regexAllowed = !isProperty && c >= 97 && end - i <= 10 && REGEX_KEYWORDS.has(source.slice(i, end));
      integerEnded = !isProperty && c <= 57 && DECIMAL_INTEGER.test(source.slice(i, end));
      i = end;
    } else {
      const regex: number = c === SLASH && regexAllowed && i >= noRegexBefore ? regexEnd(source, i) : 0;
      if (regex < 0) noRegexBefore = -regex;
      const end = regex > 0 ? regex : i + 1;
      const isIncrement = (c === PLUS || c === MINUS) && last === c && !pendingSpace; // `i++ / 2` divides
      token(i, end);
      if (c === OPEN_BRACE) braceDepth++;
      else if (c === CLOSE_BRACE) braceDepth--;
      regexAllowed = regex <= 0 && !isIncrement && c !== CLOSE_PAREN && c !== CLOSE_BRACKET && c !== CLOSE_BRACE;
      i = end;
    }
  }
  return pendingSpace ? out : out + source.slice(runStart);
}
