// The one value <-> transferable codec: worker threads use it now; queues and the cache can share it.
export { forEachBuffer } from './buffers.js';
export { reviveError, type SerializedError, serializeError } from './error-codec.js';
export { type Packed, type PackOptions, packForTransfer } from './pack.js';
export { unpackTransferred } from './unpack.js';
