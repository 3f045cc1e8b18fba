import { describe, expect, it } from '@jest/globals';
import { packWrites, unpackWrites } from './write-batch.js';
import type { WriteItem } from './writer-protocol.js';

const typed = { value: 'Float64Array' };
const entry = (node: string, dataVersion: string) =>
  ({ dataVersion, format: 'arrow', shape: 'array', typed, node, codeVersion: `c-${node}`, storedAt: 7 }) as const;

describe('packWrites', () => {
  it('gives back results, manifests and removals in their order', () => {
    const items: WriteItem[] = [
      { key: 'k1', entry: entry('a', 'd1'), result: { format: 'arrow', shape: 'array', typed, array: Float64Array.of(1) } },
      { key: 'k2', forget: 'd0' },
      {
        key: 'k3',
        entry: { dataVersion: 'd3', format: 'json', shape: 'value', node: 'b', codeVersion: 'c', storedAt: 8 },
        result: { format: 'json', shape: 'value', bytes: '{}' },
      },
      { key: 'm1', manifest: { generation: 2, records: [['k1', 'd1', 'c-a']] } },
    ];
    expect(unpackWrites(structuredClone(packWrites(items)))).toEqual(items);
  });

  it('sends a record shared by many results once', () => {
    const items: WriteItem[] = ['x', 'y'].map((node) => ({
      key: node,
      entry: entry(node, `d-${node}`),
      result: { format: 'arrow', shape: 'array', typed, array: Float64Array.of(1) },
    }));
    const [first, second] = unpackWrites(structuredClone(packWrites(items))) as { entry: { typed: object } }[];
    expect(first.entry.typed).toBe(second.entry.typed);
  });
});
