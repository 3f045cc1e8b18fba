/** Longest type name kept: a class may name itself anything. */
const MAX_NAME = 100;

/**
 * The class name of an object (`Float64Array`, `Map`, a user's class), `Object` for plain and
 * prototype-less objects. Never throws and never runs user code other than proxy traps: it reads the
 * prototype's own `constructor` data property, not through getters.
 */
export function typeName(value: object): string {
  try {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return 'Object';
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor !== 'function') return 'Object';
    const name = Object.getOwnPropertyDescriptor(ctor, 'name')?.value;
    return typeof name === 'string' && name !== '' ? name.slice(0, MAX_NAME) : 'Object';
  } catch {
    return 'Object';
  }
}

/** The first `length` characters of `text`, not cutting a surrogate pair in two. */
export function preview(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
  return `${text.slice(0, end)}…`;
}

/** `12,345,678`: counts in `skipped` texts. */
export const count = (n: number): string => n.toLocaleString('en-US');
