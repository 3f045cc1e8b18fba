import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult, StoredShape } from './result-formats.js';
import type { RunManifest } from './run-manifest.js';
import type { WriteItem } from './writer-protocol.js';

/**
 * Writes as they travel to the writer thread: columns rather than an object per write, since a
 * structured clone costs per object and per property name, and the main thread pays for it during the
 * run (measured: about a third of the cost of objects). Objects shared by many writes, such as a
 * result's `typed`, are cloned once per batch.
 */
export interface WriteBatch {
  /** One letter per write, in order: `a` a typed array result, `b` a result's bytes, `m` a manifest, `f` a removal. */
  readonly kinds: string;
  /** Per write: its cache key, or manifest key. */
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
  readonly manifests: readonly RunManifest[];
  /** Per removal: the data version removed. */
  readonly forgotten: readonly string[];
}

/** The writes as columns. */
export function packWrites(items: readonly WriteItem[]): WriteBatch {
  let kinds = '';
  const keys: string[] = [];
  const results = {
    dataVersions: [] as string[],
    nodes: [] as string[],
    codeVersions: [] as string[],
    storedAt: [] as number[],
    formats: [] as StoredShape['format'][],
    shapes: [] as StoredShape['shape'][],
    typed: [] as (StoredShape['typed'] | undefined)[],
    payloads: [] as (ArrayBufferView | Uint8Array | string)[],
  };
  const manifests: RunManifest[] = [];
  const forgotten: string[] = [];
  for (const item of items) {
    keys.push(item.key);
    if ('forget' in item) {
      kinds += 'f';
      forgotten.push(item.forget);
    } else if ('manifest' in item) {
      kinds += 'm';
      manifests.push(item.manifest);
    } else {
      const { entry, result } = item;
      kinds += 'array' in result ? 'a' : 'b';
      results.dataVersions.push(entry.dataVersion);
      results.nodes.push(entry.node);
      results.codeVersions.push(entry.codeVersion);
      results.storedAt.push(entry.storedAt);
      results.formats.push(entry.format);
      results.shapes.push(entry.shape);
      results.typed.push(entry.typed);
      results.payloads.push('array' in result ? result.array : result.bytes);
    }
  }
  return { kinds, keys, results, manifests, forgotten };
}

/** The writes back from their columns, in order. */
export function unpackWrites(batch: WriteBatch): WriteItem[] {
  const { kinds, keys, results, manifests, forgotten } = batch;
  const items: WriteItem[] = [];
  let r = 0;
  let m = 0;
  let f = 0;
  for (let i = 0; i < kinds.length; i++) {
    const key = keys[i];
    const kind = kinds[i];
    if (kind === 'f') items.push({ key, forget: forgotten[f++] });
    else if (kind === 'm') items.push({ key, manifest: manifests[m++] });
    else {
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
