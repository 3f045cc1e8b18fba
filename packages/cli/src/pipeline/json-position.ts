// Where JSON.parse failed, so a bad --config or --inputs can be pointed at: V8 states the position in
// most of its messages, but not in "Unexpected token 'x', ... is not valid JSON".

/** Offset in `text` where parsing failed with `message` (the error JSON.parse threw for `text`). */
export function jsonErrorPosition(text: string, message: string): number {
  const stated = statedPosition(message);
  if (stated !== undefined) return stated;
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  // Every prefix of valid JSON is a viable start, and once a prefix is not, no longer one is: the
  // longest viable prefix ends where the unexpected token starts. Found in log2(length) parses.
  let viable = 0;
  let broken = text.length;
  while (broken - viable > 1) {
    const middle = (viable + broken) >> 1;
    if (isViableStart(text.slice(0, middle))) viable = middle;
    else broken = middle;
  }
  return viable;
}

/** 1-based line and column of an offset, as editors show them. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

/** V8's message without its position and its echo of the whole text, which the caller reports its own way. */
export function jsonErrorReason(message: string): string {
  return (
    message
      // V8 echoes the text, shortened with "..." when long: `Unexpected token ']', ..."2,]}" is not valid JSON`
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ (in JSON )?at position \d+.*$/s, '')
      .trim()
  );
}

function statedPosition(message: string): number | undefined {
  const match = /at position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Parses, or fails only for want of more text. */
function isViableStart(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    return /Unexpected end of JSON input/.test(message) || statedPosition(message) === prefix.length;
  }
}
