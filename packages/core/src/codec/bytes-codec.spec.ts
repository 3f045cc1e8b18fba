import { describe, expect, it } from '@jest/globals';
import { type ColumnTable, table } from 'arquero';
import fc from 'fast-check';
import { DataValidationError, HamiltonError, NodeExecutionError } from '../errors/index.js';
import { decodeValue } from './bytes-decode.js';
import { encodeValue } from './bytes-encode.js';
import { writeLayout } from './bytes-format.js';

const roundTrip = <T>(value: T): T => decodeValue(encodeValue(value)) as T;

/** The JSON document inside an encoding (its length is at byte 12, after the 32-byte header and the blob table). */
function documentOf(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = 32 + 16 * view.getUint32(24, true);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, view.getUint32(12, true)).toString();
}

const failure = (f: () => unknown): Error => {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
};

describe('encodeValue / decodeValue: what round-trips', () => {
  it('keeps JSON values as plain JSON in the document', () => {
    const value = { name: 'score', weights: [0.5, 1, -2], nested: { ok: true, none: null }, text: 'é ✓ 😀' };
    const bytes = encodeValue(value);
    expect(documentOf(bytes)).toBe(JSON.stringify(value));
    expect(decodeValue(bytes)).toStrictEqual(value);
  });

  it('keeps the numbers JSON cannot say, bigints and undefined', () => {
    for (const value of [
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      2n ** 70n,
      -5n,
      undefined,
      0,
      1e-300,
      'x',
      false,
      null,
    ])
      expect(Object.is(roundTrip(value), value)).toBe(true);
    expect(roundTrip([-0, Number.NaN, 0])).toStrictEqual([-0, Number.NaN, 0]);
  });

  it('keeps keys whose value is undefined, and array slots; holes of sparse arrays come back as undefined', () => {
    const back = roundTrip({ kept: undefined, list: [undefined, 1] });
    expect(Object.keys(back)).toEqual(['kept', 'list']);
    expect(back.list).toHaveLength(2);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
    const sparse = roundTrip([1, , 3]);
    expect(1 in sparse).toBe(true);
    expect(sparse).toStrictEqual([1, undefined, 3]);
  });

  it('keeps every typed array kind as the same class and length, over its own aligned buffer', () => {
    const kinds = [
      Int8Array.of(-1, 2),
      Uint8Array.of(255),
      Uint8ClampedArray.of(0, 255),
      Int16Array.of(-300),
      Uint16Array.of(65535),
      Int32Array.of(-1, 1 << 30),
      Uint32Array.of(2 ** 32 - 1),
      Float32Array.of(0.5, Number.NaN),
      Float64Array.of(Math.PI, -0, Number.NEGATIVE_INFINITY),
      BigInt64Array.of(-(2n ** 63n)),
      BigUint64Array.of(2n ** 64n - 1n),
      new Float64Array(0),
    ];
    for (const value of kinds) {
      const back = roundTrip(value);
      expect(back.constructor).toBe(value.constructor);
      expect(back).toHaveLength(value.length);
      expect(back).toEqual(value);
    }
    // A view at an odd offset of a larger buffer comes back alone and aligned.
    const raw = new Uint8Array(8 * 5 + 3);
    const inner = new Float64Array(raw.buffer.slice(3, 3 + 8 * 4));
    inner.set([1, 2, 3, 4]);
    const odd = new Float64Array(new Uint8Array(raw.buffer, 0, 8 * 5 + 3).buffer, 8, 3);
    odd.set([7, 8, 9]);
    const packed = [inner.subarray(1), odd, new Int16Array(new ArrayBuffer(11), 1 * 2, 3)];
    const [a, b, c] = decodeValue(encodeValue(packed)) as [Float64Array, Float64Array, Int16Array];
    expect([...a]).toEqual([2, 3, 4]);
    expect([...b]).toEqual([7, 8, 9]);
    expect(c).toHaveLength(3);
    for (const view of [a, b, c]) expect([view.byteOffset, view.buffer.byteLength]).toEqual([0, view.byteLength]);
  });

  it('keeps Buffers as Buffers, ArrayBuffers, SharedArrayBuffers and DataViews with their bytes', () => {
    const back = roundTrip({
      buffer: Buffer.from('hamilton'),
      raw: Uint8Array.of(1, 2, 3).buffer,
      shared: new SharedArrayBuffer(4),
      view: new DataView(Uint8Array.of(9, 1, 2, 3, 4).buffer, 1, 3),
    });
    expect(Buffer.isBuffer(back.buffer)).toBe(true);
    expect(back.buffer.toString()).toBe('hamilton');
    expect(Object.prototype.toString.call(back.raw)).toBe('[object ArrayBuffer]');
    expect([...new Uint8Array(back.raw)]).toEqual([1, 2, 3]);
    expect(Object.prototype.toString.call(back.shared)).toBe('[object SharedArrayBuffer]');
    expect(back.view).toBeInstanceOf(DataView);
    expect([back.view.byteLength, back.view.getUint8(0), back.view.getUint8(2)]).toEqual([3, 1, 3]);
  });

  it('keeps Dates (invalid ones too), RegExps and boxed primitives', () => {
    const back = roundTrip([new Date(86_400_000), new Date(Number.NaN), /a+b/giu, Object(1), Object('s'), Object(false), Object(3n)]);
    expect(back[0]).toEqual(new Date(86_400_000));
    expect(back[1]).toBeInstanceOf(Date);
    expect(Number.isNaN((back[1] as Date).getTime())).toBe(true);
    expect(back[2]).toEqual(/a+b/giu);
    expect(back.slice(3).map((boxed) => typeof boxed)).toEqual(['object', 'object', 'object', 'object']);
    expect(back.slice(3).map((boxed) => (boxed as object).valueOf())).toEqual([1, 's', false, 3n]);
  });

  it('keeps Maps and Sets with any encodable keys and values, nested in each other', () => {
    const value = new Map<unknown, unknown>([
      ['US', new Set([1, 'two', undefined, Number.NaN])],
      [3, { deep: new Map([[new Date(0), Float64Array.of(1)]]) }],
      [10n, null],
      [undefined, [new Set()]],
    ]);
    const back = roundTrip(value);
    expect(back).toBeInstanceOf(Map);
    expect(back).toEqual(value);
    expect([...back.keys()]).toEqual(['US', 3, 10n, undefined]);
    const deep = (back.get(3) as { deep: Map<Date, Float64Array> }).deep;
    expect([...deep.keys()][0]).toBeInstanceOf(Date);
    expect([...deep.values()][0]).toBeInstanceOf(Float64Array);
  });

  it('escapes a user object that has the tag key, at any depth', () => {
    const value = {
      odd: { $: 'undefined' },
      lookalike: { $: 'typed', type: 'Float64Array', b: 0 },
      tagged: { $: new Date(0), inner: { $: { $: 'map', v: [] } } },
      list: [{ $: 'error', v: {} }],
      '@hamilton-ts/codec': 'table',
    };
    expect(roundTrip(value)).toStrictEqual(value);
  });

  it('keeps a __proto__ key as a field, not a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "when": null}');
    value.when = new Date(0);
    const back = roundTrip(value);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'when']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('sends arquero tables as Arrow IPC and rebuilds them with the same column kinds', () => {
    const scores = table({
      spend: Float64Array.of(1.5, 2.5, 3.5),
      signups: Int32Array.of(1, 2, 3),
      region: ['US', 'EU', null],
      small: [1, 2, 3],
      day: [new Date(0), new Date(86_400_000), new Date(172_800_000)],
    });
    const back = roundTrip({ byName: new Map([['scores', scores]]), filtered: scores.filter((d: { spend: number }) => d.spend > 2) });
    const t = back.byName.get('scores') as ColumnTable;
    expect(t.columnNames()).toEqual(scores.columnNames());
    expect(t.objects()).toEqual(scores.objects());
    expect(t.column('spend')).toBeInstanceOf(Float64Array);
    expect(t.column('signups')).toBeInstanceOf(Int32Array);
    expect(Array.isArray(t.column('small'))).toBe(true);
    expect(back.filtered.numRows()).toBe(2);
  });

  it('revives errors as the same classes, with their fields, causes and aggregated errors', () => {
    const validation = new DataValidationError('score', 'range', [Number.NaN, -1, undefined], 'score failed range');
    const execution = new NodeExecutionError('ratio', 'Model', new TypeError('x is undefined'));
    const back = roundTrip({ failures: [validation, execution, new AggregateError([new RangeError('far')], 'many')] });
    const [v, e, a] = back.failures as [DataValidationError, NodeExecutionError, AggregateError];
    expect(v).toBeInstanceOf(DataValidationError);
    expect([v.node, v.validator, v.message, v.stack]).toEqual(['score', 'range', 'score failed range', validation.stack]);
    expect(v.offending).toStrictEqual([Number.NaN, -1, undefined]);
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect(e.cause).toBeInstanceOf(TypeError);
    expect(e.node).toBe('ratio');
    expect(a).toBeInstanceOf(AggregateError);
    expect(a.errors[0]).toBeInstanceOf(RangeError);
  });

  it('leaves out the fields of an error that cannot be encoded, rather than failing the whole value', () => {
    const root: Record<string, unknown> = {};
    const error = Object.assign(new Error('boom'), { owner: root, model: new (class Model {})(), code: 7, data: Float64Array.of(1) });
    root.error = error;
    const back = roundTrip(root) as { error: Error & Record<string, unknown> };
    expect(back.error.message).toBe('boom');
    expect(back.error.code).toBe(7);
    expect(back.error.data).toEqual(Float64Array.of(1));
    expect('owner' in back.error || 'model' in back.error).toBe(false);
  });

  it('round-trips large arrays: an 8 MB Float64Array, and a plain array of 200k numbers', () => {
    const big = new Float64Array(1 << 20).map((_, i) => i * 0.5 - 7);
    const list = Array.from({ length: 200_000 }, (_, i) => i / 3);
    const back = roundTrip({ big, list });
    // Compared as bytes and text: toEqual would take seconds over a million elements.
    expect(back.big).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.big.buffer).equals(Buffer.from(big.buffer))).toBe(true);
    expect(JSON.stringify(back.list)).toBe(JSON.stringify(list));
  });

  it('gives an object met twice as two equal copies (bytes hold a tree)', () => {
    const shared = { x: 1 };
    const back = roundTrip([shared, shared]);
    expect(back[0]).toEqual(back[1]);
    expect(back[0]).not.toBe(back[1]);
  });

  it('round-trips arbitrary values', () => {
    // Jest finds two invalid Dates unequal (NaN !== NaN), which matters for Map keys; they are equal here.
    const invalidDates = (a: unknown, b: unknown) =>
      a instanceof Date && b instanceof Date && Number.isNaN(a.getTime()) && Number.isNaN(b.getTime()) ? true : undefined;
    expect.addEqualityTesters([invalidDates]);
    const values = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withSparseArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(values, (value) => {
        expect(roundTrip(value)).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the bytes of format version 1 as they were first written (a change of layout needs a new version)', () => {
    const bytes = Buffer.from(
      '894854560100000013c088ad93000000d8000000000000000100000000000000c80000000000000010000000000000007b226c697374223a5b312c7b2224' +
        '223a226e756d626572222c2276223a222d30227d2c6e756c6c2c22c3a9225d2c227768656e223a7b2224223a2264617465222c2276223a307d2c227370' +
        '656e64223a7b2224223a227479706564222c2274797065223a22466c6f617436344172726179222c2262223a307d2c22676f6e65223a7b2224223a2275' +
        '6e646566696e6564227d7d0000000000000000000000f83f00000000000000c0',
      'hex',
    );
    const value = { list: [1, -0, null, 'é'], when: new Date(0), spend: Float64Array.of(1.5, -2), gone: undefined };
    expect(decodeValue(bytes)).toStrictEqual(value);
    expect(Buffer.from(encodeValue(value)).equals(bytes)).toBe(true);
  });
});

describe('encodeValue: what cannot be encoded', () => {
  const fail = (value: unknown) => failure(() => encodeValue(value, { name: 'argument "spend" of node "score"' }));

  it('refuses functions, symbols and class instances with a HamiltonError naming the path and type', () => {
    class Regressor {
      weights = [1];
    }
    const instance = fail({ rows: [0, 1, 2, { model: new Regressor() }] });
    expect(instance).toBeInstanceOf(HamiltonError);
    expect(instance.message).toMatch(
      /^argument "spend" of node "score"\.rows\[3\]\.model is an instance of Regressor, whose class \(and methods\) would be lost when encoded as bytes; pass its data as a plain object/,
    );
    expect(fail(new Map([['f', () => 1]])).message).toMatch(
      /^argument "spend" of node "score"\.get\("f"\) is function .*cannot be encoded as bytes; pass plain data/,
    );
    expect(fail({ 'odd key': Symbol('s') }).message).toMatch(
      /^argument "spend" of node "score"\["odd key"\] is symbol Symbol\(s\), which cannot be encoded/,
    );
    expect(fail(new Set([1, Promise.resolve()])).message).toMatch(/ \(an item of a Set\) is an instance of Promise/);
    expect(failure(() => encodeValue([() => 1])).message).toMatch(/^the value\[0\] is function/);
  });

  it('refuses a cycle, naming where the value refers back to itself', () => {
    const loop: Record<string, unknown> = { rows: [] };
    (loop.rows as unknown[]).push({ parent: loop });
    const error = fail(loop);
    expect(error).toBeInstanceOf(HamiltonError);
    expect(error.message).toMatch(
      /^argument "spend" of node "score"\.rows\[0\]\.parent is argument "spend" of node "score" again: the value refers to itself/,
    );
    const map = new Map<string, unknown>();
    map.set('self', [map]);
    expect(fail(map).message).toMatch(/\.get\("self"\)\[0\] is argument "spend" of node "score" again/);
  });

  it('refuses values nested deeper than the depth limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1001; i++) deep = [deep];
    expect(fail(deep).message).toMatch(/is nested more than 1000 levels deep/);
  });
});

describe('decodeValue: bytes it cannot trust', () => {
  const small = encodeValue({ spend: Float64Array.of(1, 2, 3), region: 'US' });
  const decodeError = (bytes: unknown): Error => failure(() => decodeValue(bytes as Uint8Array));

  it('refuses what is not a Uint8Array, saying what it got', () => {
    const error = decodeError(Buffer.from(small).toString('base64'));
    expect(error).toBeInstanceOf(HamiltonError);
    expect(error.message).toMatch(/^decodeValue takes the Uint8Array that encodeValue made, but got "/);
  });

  it('refuses bytes of another format', () => {
    for (const bytes of [Buffer.from('{"spend":[1,2,3]}'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0)]) {
      const error = decodeError(bytes);
      expect(error).toBeInstanceOf(HamiltonError);
      expect(error.message).toMatch(/bytes were not made by encodeValue/);
    }
  });

  it('refuses a newer format version, saying to upgrade', () => {
    const newer = Buffer.from(small);
    newer[4] = 2;
    const error = decodeError(newer);
    expect(error).toBeInstanceOf(HamiltonError);
    expect(error.message).toMatch(/format version 2, newer than version 1 .* upgrade @hamilton-ts\/core/);
  });

  it('refuses truncated bytes, wherever they were cut', () => {
    for (let length = 0; length < small.byteLength; length++) {
      const error = decodeError(small.subarray(0, length));
      expect(error).toBeInstanceOf(HamiltonError);
      expect(error.message).toMatch(/truncated|corrupted/);
    }
    expect(decodeError(small.subarray(0, small.byteLength - 1)).message).toMatch(
      new RegExp(`^these bytes are truncated: ${small.byteLength - 1} bytes where the encoding is ${small.byteLength} long`),
    );
  });

  it('refuses bytes whose header or document was altered, and trailing bytes', () => {
    const structureEnd = small.byteLength - 24; // the blob of 3 Float64 values, 8-aligned, ends the encoding
    for (let at = 8; at < structureEnd; at++) {
      const altered = Buffer.from(small);
      altered[at]! ^= 0x10;
      const error = decodeError(altered);
      expect(error).toBeInstanceOf(HamiltonError);
      expect(error.message).toMatch(/corrupted|truncated|newer/);
    }
    expect(decodeError(Buffer.concat([small, Buffer.alloc(8)])).message).toMatch(/corrupted \(8 bytes follow the end of the encoding\)/);
  });

  it('refuses a well-formed layout whose document is not one this code writes', () => {
    for (const [json, reason] of [
      ['{"$":"unknown"}', /unknown node kind "unknown"/],
      ['{"$":"typed","type":"Float64Array","b":0}', /refers to blob 0 of 0/],
      ['{"$":"typed","type":"Function","b":0}', /unknown typed array "Function"/],
      ['{"$":"bigint","v":"12x"}', /corrupted/],
      ['{"$":"map","v":[[1]]}', /a Map entry was expected/],
      ['{"a":', /corrupted/],
    ] as const) {
      const error = decodeError(writeLayout(json, json.includes('Function') ? [new Uint8Array(8)] : []));
      expect(error).toBeInstanceOf(HamiltonError);
      expect(error.message).toMatch(reason);
    }
    expect(decodeError(writeLayout('{"$":"typed","type":"Float64Array","b":0}', [new Uint8Array(7)])).message).toMatch(
      /a Float64Array of 7 bytes/,
    );
  });
});
