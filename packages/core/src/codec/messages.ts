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
} as const;
