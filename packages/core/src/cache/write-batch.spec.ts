import { describe, expect, it } from '@jest/globals';
import { DeferredResults, type Keying } from './deferred-results.js';
import { OutgoingBatch, unpackWrites } from './write-batch.js';
import type { WriteItem } from './writer-protocol.js';

const typed = { value: 'Float64Array' };
const entry = (node: string, dataVersion: string) =>
  ({ dataVersion, format: 'arrow', shape: 'array', typed, node, codeVersion: `c-${node}`, storedAt: 7 }) as const;

function batchOf(items: WriteItem[]): OutgoingBatch {
  const batch = new OutgoingBatch();
  for (const item of items) batch.add({ item, size: 0 });
  return batch;
}

/** A log with results staged in one chunk, `a` then `b` (which received `a`). */
function twoResults(): DeferredResults {
  const keying = { hasher: { digest: (...parts: unknown[]) => `h(${parts.length})` } } as unknown as Keying;
  const log = new DeferredResults(keying);
  const chunk = new SharedArrayBuffer(64);
  new Float64Array(chunk).set([1, 2, 3, 4]);
  log.chunks.push(chunk, chunk);
  log.offsets.push(0, 16);
  log.refs.push('input-version');
  log.add('a', 'digest-a', 'code-a', 'miss', 'Float64Array', 16);
  log.refs.push(0);
  log.add('b', 'digest-b', 'code-b', 'miss', 'Float64Array', 16);
  return log;
}

describe('OutgoingBatch', () => {
  it('gives back results, manifests, removals and log ends in their order', () => {
    const items: WriteItem[] = [
      { key: 'k1', entry: entry('a', 'd1'), result: { format: 'arrow', shape: 'array', typed, array: Float64Array.of(1) } },
      { key: 'k2', forget: 'd0' },
      {
        key: 'k3',
        entry: { dataVersion: 'd3', format: 'json', shape: 'value', node: 'b', codeVersion: 'c', storedAt: 8 },
        result: { format: 'json', shape: 'value', bytes: '{}' },
      },
      { key: 'm1', manifest: { generation: 2, records: [['k1', 'd1', 'c-a']] } },
      { end: 4 },
    ];
    expect(unpackWrites(structuredClone(batchOf(items).pack()))).toEqual(items);
  });

  it('sends a record shared by many results once', () => {
    const items: WriteItem[] = ['x', 'y'].map((node) => ({
      key: node,
      entry: entry(node, `d-${node}`),
      result: { format: 'arrow', shape: 'array', typed, array: Float64Array.of(1) },
    }));
    const [first, second] = unpackWrites(structuredClone(batchOf(items).pack())) as { entry: { typed: object } }[];
    expect(first.entry.typed).toBe(second.entry.typed);
  });

  it('sends deferred results as columns: copies as views of their chunk, refs as indices until worked out here', () => {
    const log = twoResults();
    const batch = new OutgoingBatch();
    batch.addDeferred(log, 0, 16);
    batch.addDeferred(log, 1, 16);
    const packed = batch.pack();
    expect(new Set(packed.deferred.chunks).size).toBe(1);
    const [a, b] = unpackWrites(structuredClone(packed)) as unknown as { deferred: { array: Float64Array; refs: unknown[] } }[];
    expect(a.deferred).toMatchObject({
      log: log.id,
      index: 0,
      node: 'a',
      digest: 'digest-a',
      codeVersion: 'code-a',
      refs: ['input-version'],
    });
    expect([...a.deferred.array]).toEqual([1, 2]);
    expect([...b.deferred.array]).toEqual([3, 4]);
    expect(b.deferred.refs).toEqual([0]);

    log.settle(0, 'key-a', 'version-a');
    const again = new OutgoingBatch();
    again.addDeferred(log, 1, 16);
    const [later] = unpackWrites(structuredClone(again.pack())) as unknown as { deferred: { refs: unknown[] } }[];
    expect(later.deferred.refs).toEqual(['version-a']);
  });

  it('fills in the records of a manifest that were worked out here, and leaves the others to the thread', () => {
    const log = twoResults();
    log.settle(0, 'key-a', 'version-a');
    const batch = batchOf([{ key: 'm', manifest: { generation: 1, records: [0, 1] }, results: log } as WriteItem]);
    const [manifest] = unpackWrites(structuredClone(batch.pack()));
    expect(manifest).toEqual({ key: 'm', manifest: { generation: 1, records: [['key-a', 'version-a', 'code-a'], 1] }, log: log.id });
  });
});
