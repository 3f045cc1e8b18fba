import type { ColumnTable } from 'arquero';
import { serializeError } from './error-codec.js';
import { CODEC_KEY, isNodeBuffer, tagOf } from './kinds.js';
import { codecMessages as text } from './messages.js';
import { PackFailure } from './pack-failure.js';
import { classNameOf, convertEntries, convertFields, convertItems, convertSetItems, kindOf, tableToArrow, tooDeep } from './walk.js';

/** A value ready for `postMessage(payload, transfer)`. */
export interface Packed {
  /** Structured-cloneable: tables, Buffers and errors replaced by plain encodings. */
  readonly payload: unknown;
  /** Buffers to move rather than copy: the bytes of encoded tables, and those `transfer` accepted. */
  readonly transfer: ArrayBuffer[];
}

/** Options of `packForTransfer`. */
export interface PackOptions {
  /**
   * Whether a buffer met in the value may be moved (detached here) instead of copied; `view` is the
   * typed array or Buffer it was met through, if any. Default: never.
   */
  readonly transfer?: (buffer: ArrayBuffer, view: ArrayBufferView | undefined) => boolean;
  /** How error messages name the value, e.g. `argument "spend" of node "score"` (default `the value`). */
  readonly name?: string;
}

const NEVER = (): boolean => false;

/**
 * Turns a value into a payload that structured clone copies faithfully to another thread or process,
 * with the list of buffers to move. arquero tables become Arrow IPC bytes (always moved: they are a fresh
 * copy), Node Buffers and errors a plain encoding; typed arrays, Dates, Maps, Sets, plain objects and
 * arrays stay as they are (containers are copied only when something inside them was encoded). Functions,
 * symbols and class instances, which would arrive broken, throw a `HamiltonError` naming where they are.
 *
 * @example
 * const { payload, transfer } = packForTransfer({ scores: table, spend: new Float64Array(n) });
 * worker.postMessage(payload, transfer);                    // and there: unpackTransferred(payload)
 */
export function packForTransfer(value: unknown, options: PackOptions = {}): Packed {
  const packer = new Packer(options.transfer ?? NEVER);
  try {
    return { payload: packer.pack(value, 0), transfer: packer.transfer };
  } catch (error) {
    if (error instanceof PackFailure) throw error.toError(options.name ?? 'the value');
    throw error;
  }
}

class Packer {
  readonly transfer: ArrayBuffer[] = [];
  private readonly offered = new Set<ArrayBuffer>();

  constructor(private readonly mayMove: (buffer: ArrayBuffer, view: ArrayBufferView | undefined) => boolean) {}

  pack(value: unknown, depth: number): unknown {
    switch (kindOf(value, depth)) {
      case 'primitive':
      case 'leaf':
        return value;
      case 'callable':
        throw new PackFailure((where) => text.cannotTravel(where, value));
      case 'view':
        return this.view(value as ArrayBufferView);
      case 'table':
        return this.table(value as ColumnTable);
      case 'arrayBuffer':
        this.offer(value as ArrayBuffer, undefined);
        return value;
      case 'deep':
        throw tooDeep();
      case 'array':
        return convertItems(value as unknown[], this.inside(depth));
      case 'map': {
        const { entries, changed } = convertEntries(value as Map<unknown, unknown>, this.inside(depth));
        return changed ? new Map(entries) : value;
      }
      case 'set': {
        const { items, changed } = convertSetItems(value as Set<unknown>, this.inside(depth));
        return changed ? new Set(items) : value;
      }
      case 'error':
        return { [CODEC_KEY]: 'error', error: serializeError(value) };
      case 'record': {
        const record = value as Record<string, unknown>;
        const packed = convertFields(record, this.inside(depth));
        // A user's own object that happens to use the codec's key is wrapped, so it is not read as an encoding.
        return Object.hasOwn(record, CODEC_KEY) ? { [CODEC_KEY]: 'record', record: packed } : packed;
      }
      case 'instance': {
        const className = classNameOf(value as object);
        throw new PackFailure((where) => text.classInstance(where, className));
      }
    }
  }

  /** Packs the items of a container met at `depth`. */
  private inside(depth: number): (item: unknown) => unknown {
    return (item) => this.pack(item, depth + 1);
  }

  private view(view: ArrayBufferView): unknown {
    this.offer(view.buffer as ArrayBuffer, view);
    if (!isNodeBuffer(view)) return view;
    return { [CODEC_KEY]: 'buffer', bytes: new Uint8Array(view.buffer, view.byteOffset, view.byteLength) };
  }

  private table(value: ColumnTable): unknown {
    const encoded = tableToArrow(value);
    const buffer = encoded.bytes.buffer as ArrayBuffer;
    if (!this.offered.has(buffer)) {
      this.offered.add(buffer);
      this.transfer.push(buffer);
    }
    return encoded;
  }

  /** Shared buffers are never moved, and each buffer is listed once (a repeated entry fails postMessage). */
  private offer(buffer: ArrayBuffer, view: ArrayBufferView | undefined): void {
    if (this.offered.has(buffer) || tagOf(buffer) !== '[object ArrayBuffer]') return;
    this.offered.add(buffer);
    if (this.mayMove(buffer, view)) this.transfer.push(buffer);
  }
}
