// Every user-facing text of the value codec, in one place.
import { describeValue } from '../errors/messages.js';

export const codecMessages = {
  cannotTravel: (where: string, value: unknown) =>
    `${where} is ${describeValue(value)}, which cannot be copied to another thread or process; ` +
    'send plain data instead: numbers, strings, arrays, typed arrays, Buffers, Dates, Maps, Sets, plain objects or arquero tables',
  classInstance: (where: string, className: string) =>
    `${where} is an instance of ${className}, whose class (and methods) would be lost when copied to another thread or process; ` +
    'send its data as a plain object, typed arrays or an arquero table, and rebuild the instance where it is used',
  tooDeep: (where: string, depth: number) =>
    `${where} is nested more than ${depth} levels deep, or refers to itself; send an acyclic value of less depth`,
  tableEncoding: (where: string, reason: string) => `${where} is an arquero table that cannot be written as Arrow IPC: ${reason}`,

  // encodeValue / decodeValue
  cannotEncode: (where: string, value: unknown) =>
    `${where} is ${describeValue(value)}, which cannot be encoded as bytes; ` +
    'pass plain data instead: numbers, strings, bigints, arrays, typed arrays, Buffers, Dates, Maps, Sets, plain objects, errors or arquero tables',
  classInstanceBytes: (where: string, className: string) =>
    `${where} is an instance of ${className}, whose class (and methods) would be lost when encoded as bytes; ` +
    'pass its data as a plain object, typed arrays or an arquero table, and rebuild the instance where it is decoded',
  cycle: (where: string, container: string) =>
    `${where} is ${container} again: the value refers to itself, and encoded bytes can only hold a tree; ` +
    'replace the back-reference (by an id, for instance) before encoding',
  notBytes: (value: unknown) =>
    `decodeValue takes the Uint8Array that encodeValue made, but got ${describeValue(value)}; read the stored value as bytes (a Buffer), not as text`,
  notEncoded: (length: number) =>
    `these ${length} bytes were not made by encodeValue (they do not start with its magic header "\\x89HTV"); decode them with what wrote them`,
  newerVersion: (version: number, supported: number) =>
    `these bytes hold format version ${version}, newer than version ${supported} that this @hamilton-ts/core reads; ` +
    'upgrade @hamilton-ts/core where they are decoded (every process sharing encoded values should run the same version)',
  truncated: (length: number, expected: string) =>
    `these bytes are truncated: ${length} bytes where the encoding is ${expected} long; they were cut in transit or storage, encode and send the value again`,
  corrupted: (reason: string) => `these bytes are corrupted (${reason}); they cannot be decoded, encode and send the value again`,
  missingType: (type: string) =>
    `these bytes hold a ${type}, which this version of Node does not have; decode them on the Node version that encoded them, or a newer one`,
} as const;
