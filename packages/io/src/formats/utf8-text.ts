import { Buffer, isUtf8 } from 'node:buffer';

const BOM = '\uFEFF';

/**
 * The bytes as text, when they are UTF-8; an error saying they are not otherwise (a file in another
 * encoding would give wrong text quietly). As TextDecoder with `fatal: true` does, a leading byte-order
 * mark is dropped; this is that check and decoding in one pass each, without TextDecoder's copy.
 */
export function utf8Text(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new Error('the file is not valid UTF-8 text; convert it to UTF-8 (e.g. iconv -t UTF-8) and read it again');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}
