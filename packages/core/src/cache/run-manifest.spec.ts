import { describe, expect, it } from '@jest/globals';
import { isRunManifest, type ManifestRecord, manifestLength, manifestRecord, runManifest } from './run-manifest.js';

const digest = (seed: string) => seed.repeat(32).slice(0, 32);
const records: ManifestRecord[] = [
  [digest('a'), digest('b'), digest('c')],
  [digest('0123'), digest('4567'), digest('89ab')],
];

describe('a run manifest', () => {
  it('gives back each record it packed, in step order', () => {
    const manifest = runManifest(3, records)!;
    expect(manifest.generation).toBe(3);
    expect(isRunManifest(manifest)).toBe(true);
    expect(manifestLength(manifest)).toBe(2);
    expect(manifestRecord(manifest, 0)).toEqual(records[0]);
    expect(manifestRecord(manifest, 1)).toEqual(records[1]);
  });

  it('is not made when a field is not a digest, so a record can never shift into the next', () => {
    expect(runManifest(1, [[digest('a'), `~${digest('b')}`, digest('c')]])).toBeUndefined();
    expect(runManifest(1, [[digest('a'), 'short', digest('c')]])).toBeUndefined();
  });

  it('is not read from the form earlier versions stored, or from a cut record', () => {
    expect(isRunManifest({ generation: 1, records })).toBe(false);
    expect(isRunManifest({ generation: 1, records: runManifest(1, records)!.records.slice(1) })).toBe(false);
    expect(isRunManifest(undefined)).toBe(false);
  });
});
