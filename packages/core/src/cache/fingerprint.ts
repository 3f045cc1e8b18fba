import type { ColumnTable } from 'arquero';
import { tagOf } from '../codec/kinds.js';
import { kindOf } from '../codec/walk.js';
import type { Hasher } from './hasher.js';

/**
 * Content fingerprints of values: equal content gives equal digests whatever the key order of records,
 * the insertion order of Maps and Sets, or the object identities; `undefined` for a value with no stable
 * form (functions, symbols, class instances, errors, cycles, shared memory).
 *
 * Containers are Merkle-style: primitives inside them are written inline, every other value by its own
 * digest, so a value's digest is the same at the top level and nested. Typed arrays and Buffers are
 * hashed by their bytes (no per-element work); arquero tables by their column names and columns.
 */
export class Fingerprinter {
  constructor(private readonly hasher: Hasher) {}

  /** 32 hex digits, or `undefined` when the value cannot be fingerprinted. */
  of(value: unknown): string | undefined {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      const text = primitiveText(value);
      return text === undefined ? undefined : this.hasher.digest('p', text);
    }
    return this.digestOf(value, []);
  }

  /** A primitive's text, or `#` and the digest of anything else. */
  private element(value: unknown, path: object[]): string | undefined {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return primitiveText(value);
    const digest = this.digestOf(value, path);
    return digest === undefined ? undefined : `#${digest}`;
  }

  private digestOf(value: unknown, path: object[]): string | undefined {
    const object = value as object;
    switch (kindOf(value, path.length)) {
      case 'view':
        return this.viewDigest(object as ArrayBufferView);
      case 'arrayBuffer':
        return this.hasher.digest('B', new Uint8Array(object as ArrayBuffer));
      case 'table':
        return this.tableDigest(object as ColumnTable, path);
      case 'leaf': {
        const text = leafText(object);
        return text === undefined ? undefined : this.hasher.digest('L', text);
      }
      case 'array':
      case 'map':
      case 'set':
      case 'record': {
        if (path.includes(object)) return undefined;
        path.push(object);
        const text = this.containerText(object, path);
        path.pop();
        return text === undefined ? undefined : this.hasher.digest(text);
      }
      default:
        return undefined;
    }
  }

  /** The digest `of` gives a typed array of type `type` holding `bytes` (a copy may be hashed in its place). */
  ofTyped(type: string, bytes: Uint8Array): string {
    return this.hasher.digest(`V${type}:`, bytes);
  }

  private viewDigest(view: ArrayBufferView): string {
    return this.ofTyped(view.constructor.name, new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }

  private containerText(object: object, path: object[]): string | undefined {
    if (Array.isArray(object)) return this.listText('a', object, path, false);
    const tag = tagOf(object);
    if (tag === '[object Map]') {
      const entries: string[] = [];
      for (const [key, item] of object as Map<unknown, unknown>) {
        const k = this.element(key, path);
        const v = this.element(item, path);
        if (k === undefined || v === undefined) return undefined;
        entries.push(`${k}=${v}`);
      }
      return `m${entries.length}{${entries.sort().join(',')}}`;
    }
    if (tag === '[object Set]') return this.listText('e', [...(object as Set<unknown>)], path, true);
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const fields: string[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const v = this.element(record[keys[i]], path);
      if (v === undefined) return undefined;
      fields[i] = `${stringText(keys[i])}=${v}`;
    }
    return `o${keys.length}{${fields.join(',')}}`;
  }

  private listText(kind: string, items: ArrayLike<unknown>, path: object[], sorted: boolean): string | undefined {
    const texts: string[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const text = this.element(items[i], path);
      if (text === undefined) return undefined;
      texts[i] = text;
    }
    if (sorted) texts.sort();
    return `${kind}${items.length}[${texts.join(',')}]`;
  }

  /** Columns in order, as shown: a filtered or ordered table counts by the rows it shows. */
  private tableDigest(input: ColumnTable, path: object[]): string | undefined {
    const table = input.isFiltered() || input.isOrdered() ? input.reify() : input;
    const parts = [`T${table.numRows()}`, table.isGrouped() ? `g${JSON.stringify(table.groups()?.names ?? [])}` : ''];
    for (const name of table.columnNames()) {
      const column = columnValues(table.column(name));
      if (column === undefined) return undefined;
      const digest = ArrayBuffer.isView(column) ? this.viewDigest(column) : this.digestOf(column, path);
      if (digest === undefined) return undefined;
      parts.push(`c${stringText(name)}#${digest}`);
    }
    return this.hasher.digest(parts.join(''));
  }
}

/** A column as its values: arrays and typed arrays as they are, Arrow columns through `toArray()`. */
function columnValues(column: unknown): ArrayBufferView | unknown[] | undefined {
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ArrayBufferView | unknown[];
  const toArray = (column as { toArray?: () => unknown } | undefined)?.toArray;
  if (typeof toArray !== 'function') return undefined;
  const values = toArray.call(column);
  return Array.isArray(values) || ArrayBuffer.isView(values) ? (values as ArrayBufferView | unknown[]) : undefined;
}

/** Self-delimiting text of a primitive; `undefined` for symbols and functions. */
function primitiveText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'string':
      return stringText(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'bigint':
      return `i${value}`;
    case 'object':
      return 'z'; // null
    default:
      return undefined;
  }
}

/** Length-prefixed, so no string can pass for the text around it. */
function stringText(value: string): string {
  return `s${value.length}:${value}`;
}

/** Dates, RegExps and boxed primitives by what they hold; shared memory can change under us, so it has none. */
function leafText(object: object): string | undefined {
  switch (tagOf(object)) {
    case '[object Date]':
      return `D${(object as Date).getTime()}`;
    case '[object RegExp]':
      return `R${stringText((object as RegExp).source)}${(object as RegExp).flags}`;
    case '[object SharedArrayBuffer]':
      return undefined;
    default:
      return `X${tagOf(object)}${primitiveText(object.valueOf())}`;
  }
}
