import { describe, expect, it } from '@jest/globals';
import { type ColumnTable, table } from 'arquero';
import { HamiltonError } from '../errors/index.js';
import { forEachBuffer } from './buffers.js';
import { type Packed, type PackOptions, packForTransfer } from './pack.js';
import { unpackTransferred } from './unpack.js';

/** Packs, copies as postMessage would (moving `transfer`), and unpacks. */
function roundTrip(value: unknown, transfer?: PackOptions['transfer']): { back: unknown; packed: Packed } {
  const packed = packForTransfer(value, transfer ? { transfer } : {});
  // structuredClone here answers with objects of the realm outside jest's sandbox, as a MessagePort does.
  const copied = structuredClone(packed.payload, { transfer: packed.transfer });
  return { back: unpackTransferred(copied), packed };
}

const columns = (t: ColumnTable) => Object.fromEntries(t.columnNames().map((name) => [name, t.column(name)]));

describe('packForTransfer / unpackTransferred', () => {
  it('passes primitives through', () => {
    for (const value of [1, -0, Number.NaN, 'text', true, null, undefined, 12n]) expect(roundTrip(value).back).toBe(value);
  });

  it('keeps typed arrays as the same typed arrays of this realm', () => {
    const values = [Float64Array.of(1.5, 2), Int32Array.of(-1, 7), Uint8Array.of(3), BigInt64Array.of(5n), Float32Array.of(0.5)];
    for (const value of values) {
      const { back } = roundTrip(value);
      expect(back).toBeInstanceOf(value.constructor);
      expect(back).toEqual(value);
    }
    const view = new DataView(new ArrayBuffer(8), 2, 4);
    view.setInt16(0, 513);
    const back = roundTrip(view).back as DataView;
    expect(back).toBeInstanceOf(DataView);
    expect([back.byteOffset, back.byteLength, back.getInt16(0)]).toEqual([2, 4, 513]);
  });

  it('copies buffers unless the transfer predicate accepts them, and then moves them', () => {
    const kept = new Float64Array(1000).fill(2);
    roundTrip(kept);
    expect(kept.byteLength).toBe(8000);

    const moved = new Float64Array(1000).fill(3);
    const { back, packed } = roundTrip({ moved }, (buffer) => buffer === moved.buffer);
    expect(packed.transfer).toEqual([moved.buffer]);
    expect(moved.byteLength).toBe(0); // detached here
    expect((back as { moved: Float64Array }).moved[999]).toBe(3);
  });

  it('lists a buffer once however many views share it, and never moves shared memory', () => {
    const whole = new Float64Array(4);
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const packed = packForTransfer([whole, whole.subarray(1), shared, whole.buffer], { transfer: () => true });
    expect(packed.transfer).toEqual([whole.buffer]);
    const { back } = roundTrip(shared, () => true);
    (back as Int32Array)[0] = 42;
    expect(shared[0]).toBe(42);
  });

  it('keeps Buffers as Buffers', () => {
    const { back } = roundTrip({ bytes: Buffer.from('hamilton') });
    const bytes = (back as { bytes: Buffer }).bytes;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString()).toBe('hamilton');
  });

  it('keeps Dates, RegExps, Maps, Sets and nested plain values', () => {
    const value = {
      when: new Date(86_400_000),
      pattern: /a+b/gi,
      byRegion: new Map<unknown, unknown>([
        ['US', [1, 2]],
        [3, { deep: new Set(['x', 'y']) }],
      ]),
      list: [1, 'two', [3, { four: 4 }], null],
      empty: {},
    };
    const back = roundTrip(value).back as typeof value;
    expect(back).toEqual(value);
    expect(back.when).toBeInstanceOf(Date);
    expect(back.pattern).toBeInstanceOf(RegExp);
    expect(back.byRegion).toBeInstanceOf(Map);
    expect((back.byRegion.get(3) as { deep: Set<string> }).deep).toBeInstanceOf(Set);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(back.list).toBeInstanceOf(Array);
  });

  it('sends arquero tables as Arrow IPC bytes, always moved, and rebuilds them with the same column kinds', () => {
    const scores = table({
      spend: Float64Array.of(1.5, 2.5, 3.5),
      signups: Int32Array.of(1, 2, 3),
      region: ['US', 'EU', null],
      small: [1, 2, 3],
      active: [true, false, true],
      day: [new Date(0), new Date(86_400_000), new Date(172_800_000)],
    });
    const { back, packed } = roundTrip(scores);
    expect(packed.transfer).toHaveLength(1);
    const t = back as ColumnTable;
    expect(t.columnNames()).toEqual(scores.columnNames());
    expect(t.objects()).toEqual(scores.objects());
    const cols = columns(t);
    expect(cols.spend).toBeInstanceOf(Float64Array);
    expect(cols.signups).toBeInstanceOf(Int32Array);
    // A column of JS numbers stays an array: Arrow would narrow it to Int8Array, where arithmetic wraps.
    expect(Array.isArray(cols.small)).toBe(true);
    expect(Array.isArray(cols.region)).toBe(true);
  });

  it('rebuilds tables nested in Maps, arrays and objects, and a filtered table keeps only its rows', () => {
    const t = table({ x: Float64Array.of(1, 2, 3, 4) });
    const value = { byName: new Map([['big', t.filter((d: { x: number }) => d.x > 2)]]), list: [t] };
    const back = roundTrip(value).back as typeof value;
    expect(back.byName.get('big')!.objects()).toEqual([{ x: 3 }, { x: 4 }]);
    expect(back.list[0].numRows()).toBe(4);
  });

  it('does not mistake a user object using the codec key for an encoding', () => {
    const odd = { '@hamilton-ts/codec': 'table', bytes: 1 };
    expect(roundTrip({ odd }).back).toEqual({ odd });
  });

  it('sends errors inside values as errors of the same class', () => {
    const back = roundTrip({ failures: [new RangeError('too far')] }).back as { failures: Error[] };
    expect(back.failures[0]).toBeInstanceOf(RangeError);
    expect(back.failures[0].message).toBe('too far');
  });

  it('leaves a value without anything to encode as it is (no copy before structured clone)', () => {
    const value = { a: [1, 2, { b: Float64Array.of(1) }], m: new Map([[1, 2]]) };
    expect(packForTransfer(value).payload).toBe(value);
  });

  it('refuses functions, symbols and class instances, naming where they are', () => {
    class Regressor {
      weights = [1];
    }
    const fail = (value: unknown) => () => packForTransfer(value, { name: 'argument "model"' });
    expect(fail({ fit: [1, { model: new Regressor() }] })).toThrow(HamiltonError);
    expect(fail({ fit: [1, { model: new Regressor() }] })).toThrow(
      /^argument "model"\.fit\[1\]\.model is an instance of Regressor, whose class \(and methods\) would be lost/,
    );
    expect(fail(new Map([['f', () => 1]]))).toThrow(/^argument "model"\.get\("f"\) is function .*cannot be copied/);
    expect(fail({ 'odd key': Symbol('s') })).toThrow(/^argument "model"\["odd key"\] is symbol/);
  });

  it('refuses a value that refers to itself instead of walking forever', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => packForTransfer(loop)).toThrow(/nested more than 1000 levels deep, or refers to itself/);
  });
});

describe('forEachBuffer', () => {
  it('visits the buffers of typed arrays, Buffers and bare ArrayBuffers in containers, not in tables', () => {
    const a = new Float64Array(2);
    const b = new ArrayBuffer(4);
    const seen: ArrayBuffer[] = [];
    forEachBuffer({ list: [a, a.subarray(1)], map: new Map([[b, 1]]), t: table({ x: Float64Array.of(1) }), n: 1 }, (buffer) =>
      seen.push(buffer),
    );
    expect(seen).toEqual([a.buffer, a.buffer, b]);
  });
});
