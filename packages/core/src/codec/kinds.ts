// How the codec tells values apart. Values may come from another realm (a vm context, or a message
// deserialized outside jest's sandbox), where `instanceof Map` is false: built-ins are recognised by
// their internal tag instead.

/** The key that marks an object of the payload as an encoded value (a table, a Buffer, an error). */
export const CODEC_KEY = '@hamilton-ts/codec';

/** `[object Map]`, `[object Date]`, ...: the built-in kind of an object, whatever realm made it. */
export function tagOf(value: object): string {
  return Object.prototype.toString.call(value);
}

/** An object literal or `Object.create(null)`, from any realm. */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  return Object.getPrototypeOf(proto) === null && typeof proto.constructor === 'function' && proto.constructor.name === 'Object';
}

/** Built-ins whose structured clone is faithful and that hold no other values. */
export const LEAF_TAGS: ReadonlySet<string> = new Set([
  '[object Date]',
  '[object RegExp]',
  '[object Number]',
  '[object String]',
  '[object Boolean]',
  '[object BigInt]',
  '[object SharedArrayBuffer]',
]);

/** A Node `Buffer` (a `Uint8Array` that structured clone would turn into a plain `Uint8Array`). */
export function isNodeBuffer(value: object): boolean {
  const NodeBuffer = (globalThis as { Buffer?: { isBuffer(v: unknown): boolean } }).Buffer;
  return NodeBuffer?.isBuffer(value) === true;
}

/** Errors of any realm, also subclasses whose `toString` tag is still `[object Error]`. */
export function isError(value: object): value is Error {
  return value instanceof Error || tagOf(value) === '[object Error]';
}

/** Containers nested deeper than this are taken for a cycle (structured clone would keep it, but the walk would not end). */
export const MAX_DEPTH = 1000;

/** A typed array constructor, as the codec and the cache rebuild arrays by type name. */
export type TypedArrayType = (new (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => ArrayBufferView) & {
  readonly BYTES_PER_ELEMENT: number;
};

/** The typed arrays a value may hold by name; looked up on globalThis, as Float16Array is not in every Node. */
export const TYPED_ARRAY_NAMES: ReadonlySet<string> = new Set([
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
]);

/** The built-in typed array type named `name`, if this Node has it. */
export function typedArrayType(name: string): TypedArrayType | undefined {
  return TYPED_ARRAY_NAMES.has(name) ? (globalThis as unknown as Record<string, TypedArrayType | undefined>)[name] : undefined;
}
