import { describe, expect, it } from '@jest/globals';
import { StagingArea } from './staging-area.js';

describe('StagingArea', () => {
  it('copies typed arrays into shared memory, of the same type and content, later changes left out', () => {
    const staging = new StagingArea();
    const source = Float64Array.of(1, 2, 3);
    const copy = staging.copy(source) as Float64Array;
    source[0] = 99;
    expect(copy).toBeInstanceOf(Float64Array);
    expect([...copy]).toEqual([1, 2, 3]);
    expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('copies only the part of a buffer a view shows, aligned for any type', () => {
    const staging = new StagingArea();
    const bytes = staging.copy(Uint8Array.of(1, 2, 3)) as Uint8Array;
    const view = new Float64Array(Float64Array.of(5, 6, 7, 8).buffer, 8, 2);
    const copy = staging.copy(view) as Float64Array;
    expect([...bytes]).toEqual([1, 2, 3]);
    expect([...copy]).toEqual([6, 7]);
    expect(copy.byteOffset % 8).toBe(0);
  });

  it('reuses a chunk once every copy in it is done', () => {
    const staging = new StagingArea();
    const big = new Uint8Array(3 * 1024 * 1024);
    const first = staging.copy(big);
    const second = staging.copy(big); // does not fit beside the first: a new chunk
    expect(second.buffer).not.toBe(first.buffer);
    staging.done(first.buffer);
    const third = staging.copy(big); // the first chunk, free again
    expect(third.buffer).toBe(first.buffer);
  });
});
