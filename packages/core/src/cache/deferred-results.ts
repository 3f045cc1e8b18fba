import { typedArrayType } from '../codec/kinds.js';
import type { CacheStatus } from './cache-options.js';
import type { Fingerprinter } from './fingerprint.js';
import type { Hasher } from './hasher.js';
import { cacheKeyOf } from './node-keys.js';
import { typedColumn } from './result-formats.js';
import type { StagedCopies } from './staging-area.js';
import type { ResultWrite } from './writer-protocol.js';

/** The type name of a result the writer thread can fingerprint and key: a typed array of a built-in type (no Buffer, no subclass). */
export function deferrableType(value: unknown): string | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  const name = value.constructor.name;
  return typedArrayType(name) === value.constructor ? name : undefined;
}

/** Where a deferred result is: queued, mapped (worked out here, so lookups find it while it is written), or done (written or dropped). */
export const QUEUED = 0;
export const MAPPED = 1;
export const DONE = 2;
type DeferredState = typeof QUEUED | typeof MAPPED | typeof DONE;

/** The hash and fingerprints both threads key results with. */
export interface Keying {
  readonly hasher: Hasher;
  readonly fingerprints: Fingerprinter;
}

/** The data version of a typed array of type `type` from its copy: the fingerprint the value itself has. */
export function copyVersion(keying: Keying, type: string, copy: ArrayBufferView): string {
  return keying.fingerprints.ofTyped(type, new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength));
}

/** The write that stores a deferred result once its key and version are known: an Arrow file of one typed column. */
export function deferredResultWrite(
  key: string,
  dataVersion: string,
  node: string,
  codeVersion: string,
  type: string,
  copy: ArrayBufferView,
): ResultWrite {
  const typed = typedColumn(type);
  return {
    key,
    entry: { dataVersion, format: 'arrow', shape: 'array', typed, node, codeVersion, storedAt: Date.now() },
    result: { format: 'arrow', shape: 'array', typed, array: copy },
  };
}

/** What a deferred result's key takes from a dependency: a data version, or the index of an earlier result of the same log. */
export type VersionRef = string | number;

/**
 * Results of one run whose data versions and cache keys are left to the writer thread: a result is
 * copied when its node returns (later changes must not reach its file), and the thread fingerprints the
 * copy and works out the key while the run goes on. Either thread can work them out, with the same
 * functions, from the copy: this one does when it needs them first (a lookup before the thread
 * answered, `lastRun` read early, a lost thread).
 *
 * Kept as columns, one entry per result, so a run makes no object per result. The writer thread keeps a
 * log of its own under the same id, holding what it was sent, at the same indices.
 */
export class DeferredResults implements StagedCopies {
  private static lastId = 0;
  readonly nodes: string[] = [];
  readonly digests: string[] = [];
  readonly codeVersions: string[] = [];
  readonly statuses: CacheStatus[] = [];
  readonly types: string[] = [];
  /** Per result, the chunk of shared memory holding its copy; dropped once it is written. */
  readonly chunks: SharedArrayBuffer[] = [];
  readonly offsets: number[] = [];
  /** Byte lengths of the copies. */
  readonly lengths: number[] = [];
  /** Per result, the end of its dependencies' refs in `refs`. */
  readonly refEnds: number[] = [];
  readonly refs: VersionRef[] = [];
  readonly versions: (string | undefined)[] = [];
  readonly keys: (string | undefined)[] = [];
  readonly states: DeferredState[] = [];

  constructor(
    private readonly keying: Keying,
    readonly id: number = ++DeferredResults.lastId,
  ) {}

  get size(): number {
    return this.nodes.length;
  }

  /**
   * Records a result whose copy was just placed (its chunk and offset pushed by the staging area) and
   * whose dependencies' refs were pushed to `refs`; gives its index.
   */
  add(node: string, digest: string, codeVersion: string, status: CacheStatus, type: string, byteLength: number): number {
    this.nodes.push(node);
    this.digests.push(digest);
    this.codeVersions.push(codeVersion);
    this.statuses.push(status);
    this.types.push(type);
    this.lengths.push(byteLength);
    this.refEnds.push(this.refs.length);
    this.versions.push(undefined);
    this.keys.push(undefined);
    this.states.push(QUEUED);
    return this.nodes.length - 1;
  }

  /** Sets what the writer thread worked out, unless this thread did first (both give the same). */
  settle(index: number, key: string, version: string): void {
    this.keys[index] ??= key;
    this.versions[index] ??= version;
  }

  /** Result `index` is written or dropped: its key and version are worked out by now; its copy is let go. */
  done(index: number): void {
    this.states[index] = DONE;
    (this.chunks as (SharedArrayBuffer | undefined)[])[index] = undefined;
  }

  /** The copy of result `index`, a view of shared memory. */
  copyOf(index: number): ArrayBufferView {
    const Typed = typedArrayType(this.types[index])!;
    return new Typed(this.chunks[index], this.offsets[index], this.lengths[index] / Typed.BYTES_PER_ELEMENT);
  }

  /** The data version of result `index`: the fingerprint of its copy. */
  version(index: number): string {
    let version = this.versions[index];
    if (version === undefined) {
      version = copyVersion(this.keying, this.types[index], this.copyOf(index));
      this.versions[index] = version;
    }
    return version;
  }

  /** The cache key of result `index`. */
  key(index: number): string {
    let key = this.keys[index];
    if (key === undefined) {
      const versions: string[] = [];
      for (let r = index === 0 ? 0 : this.refEnds[index - 1]; r < this.refEnds[index]; r++) {
        const ref = this.refs[r];
        versions.push(typeof ref === 'string' ? ref : this.version(ref));
      }
      key = cacheKeyOf(this.keying.hasher, this.digests[index], versions);
      this.keys[index] = key;
    }
    return key;
  }
}
