import type { FileFormat } from '../format-registry.js';
import { ipcToTable, tableToIpc } from './table-arrow.js';
import { requireTable } from './tabular-value.js';

/** Arrow IPC files (the file format, with its footer); the stream format is read too. */
export const arrowFormat: FileFormat = {
  name: 'arrow',
  load: (bytes) => ipcToTable(bytes),
  save: (value) => tableToIpc(requireTable(value, 'arrow'), 'file'),
  options: [],
};
