/** Bytes per chunk: a chunk holds the copies of many results, so a copy costs no allocation of its own. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Copies start at multiples of 8 bytes, where a view of any typed array may begin. */
const ALIGN = 8;
/** Free chunks are kept this long after the last copy is done, for the next burst of writes. */
const KEEP_MS = 10_000;

type TypedArrayOf = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

/** Where copies went, as columns: chunk and byte offset per copy. */
export interface StagedCopies {
  readonly chunks: SharedArrayBuffer[];
  readonly offsets: number[];
}

interface Chunk {
  readonly memory: SharedArrayBuffer;
  /** The whole chunk as bytes, made once: a copy into it makes one view less. */
  readonly bytes: Uint8Array;
  used: number;
  /** Copies in it not done yet. */
  live: number;
}

/**
 * Copies of typed arrays for the writer thread, packed into chunks of shared memory: a copy is one
 * `memcpy`, and sending it copies nothing more, since the thread sees the same memory. Chunks are
 * reused once every copy in them is done: fresh memory costs a page fault per 4 KB on first write and
 * external allocations prompt full garbage collections, which together cost more than the copies.
 *
 * Nothing writes to a copy once made, so this process reads it until its write is done (`done`).
 */
export class StagingArea {
  private filling: Chunk | undefined;
  private free: Chunk[] = [];
  private readonly chunks = new WeakMap<SharedArrayBuffer, Chunk>();
  private live = 0;
  private trim: NodeJS.Timeout | undefined;

  /** A copy of `array`, of the same type, in shared memory. */
  copy(array: ArrayBufferView): ArrayBufferView {
    const at = this.place(array);
    const Typed = array.constructor as TypedArrayOf;
    return new Typed(this.filling!.memory, at, array.byteLength / (array as Uint8Array).BYTES_PER_ELEMENT);
  }

  /** Copies `array` into shared memory, and tells `into` where: no object is made per copy. */
  copyInto(array: ArrayBufferView, into: StagedCopies): void {
    into.offsets.push(this.place(array));
    into.chunks.push(this.filling!.memory);
  }

  /** Marks a copy as no longer read by anyone: its chunk is reused once all its copies are. */
  done(memory: ArrayBufferLike): void {
    const chunk = this.chunks.get(memory as SharedArrayBuffer);
    if (!chunk) return;
    chunk.live--;
    if (chunk.live === 0 && chunk !== this.filling) this.recycle(chunk);
    if (--this.live === 0) {
      this.trim = setTimeout(() => {
        this.free = [];
        this.filling = undefined;
      }, KEEP_MS);
      this.trim.unref();
    }
  }

  /** Copies the bytes of `array` into the chunk being filled (a new one when they do not fit); gives their offset. */
  private place(array: ArrayBufferView): number {
    const size = array.byteLength;
    let chunk = this.filling;
    let at = chunk ? Math.ceil(chunk.used / ALIGN) * ALIGN : 0;
    if (!chunk || at + size > chunk.memory.byteLength) {
      this.retire(chunk);
      chunk = this.filling = this.fresh(size);
      at = 0;
    }
    chunk.bytes.set(new Uint8Array(array.buffer, array.byteOffset, size), at);
    chunk.used = at + size;
    chunk.live++;
    this.live++;
    if (this.trim) {
      clearTimeout(this.trim);
      this.trim = undefined;
    }
    return at;
  }

  private fresh(size: number): Chunk {
    const reused = size <= CHUNK_BYTES ? this.free.pop() : undefined;
    if (reused) return reused;
    const memory = new SharedArrayBuffer(Math.max(CHUNK_BYTES, size));
    const chunk: Chunk = { memory, bytes: new Uint8Array(memory), used: 0, live: 0 };
    this.chunks.set(chunk.memory, chunk);
    return chunk;
  }

  /** A chunk no longer filled: reused at once if its copies are all done, else when the last one is. */
  private retire(chunk: Chunk | undefined): void {
    if (chunk && chunk.live === 0) this.recycle(chunk);
  }

  private recycle(chunk: Chunk): void {
    chunk.used = 0;
    if (chunk.memory.byteLength === CHUNK_BYTES) this.free.push(chunk);
  }
}

/** The process's staging area, shared by the writers of every cache directory. */
export const stagingArea = new StagingArea();
