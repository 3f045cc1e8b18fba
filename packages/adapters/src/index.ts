export { SimpleGraphAdapter } from './simple-graph-adapter.js';
export { SimpleTableGraphAdapter } from './simple-table-graph-adapter.js';
