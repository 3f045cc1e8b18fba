// The one value codec: transferable payloads for worker threads, and portable bytes for queues, the cache and files.
export { forEachBuffer } from './buffers.js';
export { decodeJson, decodeValue } from './bytes-decode.js';
export { type EncodeOptions, encodeJson, encodeValue } from './bytes-encode.js';
export { reviveError, type SerializedError, serializeError } from './error-codec.js';
export { type Packed, type PackOptions, packForTransfer } from './pack.js';
export { unpackTransferred } from './unpack.js';
