import { describe, expect, it } from '@jest/globals';
import { fromArrow, table } from 'arquero';
import { ArrowResult } from './arrow-result.js';
import { ResultBuildError } from './errors/result-build-error.js';

describe('ArrowResult', () => {
  it('round-trips columns, broadcast scalars and flattened tables through Arrow IPC', () => {
    const bytes = new ArrowResult().buildResult({
      spend: new Float64Array([1.5, 2.5]),
      channel: ['tv', 'web'],
      region: 'EU',
      stats: table({ n: [3, 4] }),
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const back = fromArrow(bytes);
    expect(back.columnNames()).toEqual(['spend', 'channel', 'region', 'stats.n']);
    // The typed array comes back as a float64 Arrow column.
    expect(back.column('spend')?.toArray?.()).toEqual(new Float64Array([1.5, 2.5]));
    expect(back.objects()).toEqual([
      { spend: 1.5, channel: 'tv', region: 'EU', 'stats.n': 3 },
      { spend: 2.5, channel: 'web', region: 'EU', 'stats.n': 4 },
    ]);
  });

  it('keeps bigint values when read back with useBigInt', () => {
    const back = fromArrow(new ArrowResult().buildResult({ ids: new BigInt64Array([1n, 2n]), k: 3n }), { useBigInt: true });
    expect(back.objects()).toEqual([
      { ids: 1n, k: 3n },
      { ids: 2n, k: 3n },
    ]);
  });

  it('encodes a single filtered table output with only its visible rows', () => {
    const only = table({ a: [1, 2, 3] }).filter((d: { a: number }) => d.a !== 2);
    expect(fromArrow(new ArrowResult().buildResult({ only })).array('a')).toEqual([1, 3]);
  });

  it('passes options to toArrowIPC, e.g. the file format', () => {
    const bytes = new ArrowResult({ format: 'file' }).buildResult({ x: [1, 2] });
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('ARROW1');
    expect(fromArrow(bytes).array('x')).toEqual([1, 2]);
  });

  it('throws the same ResultBuildError as the table builder', () => {
    expect(() => new ArrowResult().buildResult({ a: [1], b: [1, 2] })).toThrow(ResultBuildError);
  });
});
