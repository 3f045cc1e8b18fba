export { SimpleTableGraphAdapter } from './simple-table-graph-adapter.js';
export { SimpleGraphAdapter } from './simple-graph-adapter.js';
