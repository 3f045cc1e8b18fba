import { typedArrayType } from '../codec/kinds.js';
import type { DeferredResults, VersionRef } from './deferred-results.js';
import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult, StoredShape } from './result-formats.js';
import type { DeferredWrite, ManifestWrite, WriteItem } from './writer-protocol.js';

/**
 * Writes as they travel to the writer thread: columns rather than an object per write, since a
 * structured clone costs per object and per property name, and the main thread pays for it during the
 * run (measured: about a third of the cost of objects). Objects shared by many writes, such as a
 * result's `typed` or a chunk of staged copies, are cloned once per batch.
 */
export interface WriteBatch {
  /**
   * One letter per write, in order: `a` a typed array result, `b` a result's bytes, `m` a manifest,
   * `f` a removal, `d` a deferred result, `e` the end of a log.
   */
  readonly kinds: string;
  /** Per result, manifest and removal: its cache key, or manifest key. */
  readonly keys: readonly string[];
  /** Per result, in order. */
  readonly results: {
    readonly dataVersions: readonly string[];
    readonly nodes: readonly string[];
    readonly codeVersions: readonly string[];
    readonly storedAt: readonly number[];
    readonly formats: readonly StoredShape['format'][];
    readonly shapes: readonly StoredShape['shape'][];
    readonly typed: readonly (StoredShape['typed'] | undefined)[];
    readonly payloads: readonly (ArrayBufferView | Uint8Array | string)[];
  };
  readonly manifests: readonly { readonly manifest: ManifestWrite['manifest']; readonly log: number }[];
  /** Per removal: the data version removed. */
  readonly forgotten: readonly string[];
  /** Per deferred result, in order; `refs` holds each one's `refCounts` refs in turn. */
  readonly deferred: {
    readonly logs: readonly number[];
    readonly indices: readonly number[];
    readonly nodes: readonly string[];
    readonly digests: readonly string[];
    readonly codeVersions: readonly string[];
    readonly types: readonly string[];
    /** Per result, the chunk of shared memory its copy is in (a chunk is cloned once per message, however often it appears). */
    readonly chunks: readonly SharedArrayBuffer[];
    readonly offsets: readonly number[];
    /** Byte lengths. */
    readonly lengths: readonly number[];
    readonly refCounts: readonly number[];
    readonly refs: readonly VersionRef[];
  };
  /** Per log end: the log's id. */
  readonly ended: readonly number[];
}

/** A manifest as this thread queues it: with the log its numbered records refer to. */
export interface QueuedManifest extends ManifestWrite {
  readonly results?: DeferredResults;
}

/** A queued write: what the thread gets, and what it holds (bytes against the pending bound). */
export interface QueuedWrite {
  readonly item: WriteItem;
  readonly size: number;
}

/** Results `from` to `to` (excluded) of a log, queued one after the other. */
export interface DeferredRange {
  readonly log: DeferredResults;
  readonly from: number;
  to: number;
}

/**
 * Adds result `index` of `log` to `entries` (ranges, maybe among other writes): to the last one when it is
 * a range it follows, which is the usual case.
 */
export function extendRanges<T extends QueuedWrite>(entries: (T | DeferredRange)[], log: DeferredResults, index: number): void {
  const last = entries[entries.length - 1];
  if (last !== undefined && isRange(last) && last.log === log && last.to === index) last.to++;
  else entries.push({ log, from: index, to: index + 1 });
}

/**
 * The writes of one batch, in order, before they are sent: queued writes as objects, deferred results
 * as ranges of their log, so a deferred result costs no object and no copy of its fields until sent.
 */
export class OutgoingBatch<Q extends QueuedWrite = QueuedWrite> {
  /** Queued writes and ranges of deferred results, in order. */
  readonly entries: (Q | DeferredRange)[] = [];
  /** Writes, deferred results counted one by one. */
  length = 0;
  bytes = 0;

  add(write: Q): void {
    this.entries.push(write);
    this.length++;
    this.bytes += write.size;
  }

  addDeferred(log: DeferredResults, index: number, size: number): void {
    extendRanges(this.entries, log, index);
    this.length++;
    this.bytes += size;
  }

  /** The ranges of deferred results, in order. */
  *ranges(): Generator<DeferredRange> {
    for (const entry of this.entries) if (isRange(entry)) yield entry;
  }

  /** The queued writes, in order. */
  *writes(): Generator<Q> {
    for (const entry of this.entries) if (!isRange(entry)) yield entry;
  }

  /**
   * The batch as columns. A deferred result's dependency, or a manifest record, already worked out on this
   * thread travels as its value; otherwise as its index, which the thread resolves from the log.
   */
  pack(): WriteBatch {
    const packer = new Packer();
    for (const entry of this.entries) {
      if (isRange(entry)) packer.deferred(entry);
      else packer.item(entry.item);
    }
    return packer.batch();
  }
}

/** `before` followed by `from[start..end)`: a slice (one copy of the range) when nothing is before. */
function joined<T>(before: T[], from: readonly T[], start: number, end: number): T[] {
  const part = from.slice(start, end);
  return before.length === 0 ? part : before.concat(part);
}

function isRange(entry: QueuedWrite | DeferredRange): entry is DeferredRange {
  return !('item' in entry);
}

class Packer {
  private kinds = '';
  private readonly keys: string[] = [];
  private readonly results = {
    dataVersions: [] as string[],
    nodes: [] as string[],
    codeVersions: [] as string[],
    storedAt: [] as number[],
    formats: [] as StoredShape['format'][],
    shapes: [] as StoredShape['shape'][],
    typed: [] as (StoredShape['typed'] | undefined)[],
    payloads: [] as (ArrayBufferView | Uint8Array | string)[],
  };
  private readonly manifests: WriteBatch['manifests'][number][] = [];
  private readonly forgotten: string[] = [];
  private readonly ended: number[] = [];
  private readonly deferredColumns = {
    logs: [] as number[],
    indices: [] as number[],
    nodes: [] as string[],
    digests: [] as string[],
    codeVersions: [] as string[],
    types: [] as string[],
    chunks: [] as SharedArrayBuffer[],
    offsets: [] as number[],
    lengths: [] as number[],
    refCounts: [] as number[],
    refs: [] as VersionRef[],
  };

  item(item: WriteItem): void {
    if ('end' in item) {
      this.kinds += 'e';
      this.ended.push(item.end);
      return;
    }
    if ('deferred' in item) throw new Error('a deferred result is queued by its log, not as an item');
    this.keys.push(item.key);
    if ('forget' in item) {
      this.kinds += 'f';
      this.forgotten.push(item.forget);
    } else if ('manifest' in item) {
      this.kinds += 'm';
      this.manifests.push(packManifest(item as QueuedManifest));
    } else {
      const { entry, result } = item;
      this.kinds += 'array' in result ? 'a' : 'b';
      const r = this.results;
      r.dataVersions.push(entry.dataVersion);
      r.nodes.push(entry.node);
      r.codeVersions.push(entry.codeVersion);
      r.storedAt.push(entry.storedAt);
      r.formats.push(entry.format);
      r.shapes.push(entry.shape);
      r.typed.push(entry.typed);
      r.payloads.push('array' in result ? result.array : result.bytes);
    }
  }

  /** A range of deferred results: its columns are sliced from the log, not copied field by field. */
  deferred({ log, from, to }: DeferredRange): void {
    this.kinds += 'd'.repeat(to - from);
    const c = this.deferredColumns;
    c.nodes = joined(c.nodes, log.nodes, from, to);
    c.digests = joined(c.digests, log.digests, from, to);
    c.codeVersions = joined(c.codeVersions, log.codeVersions, from, to);
    c.types = joined(c.types, log.types, from, to);
    c.chunks = joined(c.chunks, log.chunks, from, to);
    c.offsets = joined(c.offsets, log.offsets, from, to);
    c.lengths = joined(c.lengths, log.lengths, from, to);
    let start = from === 0 ? 0 : log.refEnds[from - 1];
    for (let index = from; index < to; index++) {
      c.logs.push(log.id);
      c.indices.push(index);
      const end = log.refEnds[index];
      c.refCounts.push(end - start);
      for (let r = start; r < end; r++) {
        const ref = log.refs[r];
        c.refs.push(typeof ref === 'string' ? ref : (log.versions[ref] ?? ref));
      }
      start = end;
    }
  }

  batch(): WriteBatch {
    return {
      kinds: this.kinds,
      keys: this.keys,
      results: this.results,
      manifests: this.manifests,
      forgotten: this.forgotten,
      deferred: this.deferredColumns,
      ended: this.ended,
    };
  }
}

/** A manifest's records, those worked out on this thread since it was queued filled in. */
function packManifest(item: QueuedManifest): WriteBatch['manifests'][number] {
  const log = item.results;
  if (!log) return { manifest: item.manifest, log: 0 };
  const records = item.manifest.records.map((record) => {
    if (typeof record !== 'number') return record;
    const key = log.keys[record];
    const version = log.versions[record];
    return key !== undefined && version !== undefined ? ([key, version, log.codeVersions[record]] as const) : record;
  });
  return { manifest: { generation: item.manifest.generation, records }, log: log.id };
}

/** The writes back from their columns, in order. */
export function unpackWrites(batch: WriteBatch): WriteItem[] {
  const { kinds, keys, results, manifests, forgotten, deferred, ended } = batch;
  const items: WriteItem[] = [];
  let k = 0;
  let r = 0;
  let m = 0;
  let f = 0;
  let d = 0;
  let refAt = 0;
  let e = 0;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === 'e') {
      items.push({ end: ended[e++] });
      continue;
    }
    if (kind === 'd') {
      const count = deferred.refCounts[d];
      items.push({ deferred: deferredWrite(deferred, d++, deferred.refs.slice(refAt, refAt + count)) });
      refAt += count;
      continue;
    }
    const key = keys[k++];
    if (kind === 'f') items.push({ key, forget: forgotten[f++] });
    else if (kind === 'm') {
      const { manifest, log } = manifests[m++];
      items.push(log ? { key, manifest, log } : { key, manifest });
    } else {
      const typed = results.typed[r];
      const shape: StoredShape = { format: results.formats[r], shape: results.shapes[r], ...(typed ? { typed } : {}) };
      const entry: StoredEntry = {
        dataVersion: results.dataVersions[r],
        ...shape,
        node: results.nodes[r],
        codeVersion: results.codeVersions[r],
        storedAt: results.storedAt[r],
      };
      const payload = results.payloads[r++];
      const result = (kind === 'a' ? { ...shape, array: payload } : { ...shape, bytes: payload }) as PreparedResult;
      items.push({ key, entry, result });
    }
  }
  return items;
}

function deferredWrite(columns: WriteBatch['deferred'], d: number, refs: VersionRef[]): DeferredWrite {
  const type = columns.types[d];
  const Typed = typedArrayType(type)!;
  return {
    log: columns.logs[d],
    index: columns.indices[d],
    node: columns.nodes[d],
    digest: columns.digests[d],
    codeVersion: columns.codeVersions[d],
    type,
    array: new Typed(columns.chunks[d], columns.offsets[d], columns.lengths[d] / Typed.BYTES_PER_ELEMENT),
    refs,
  };
}
