export { getDriverToken, InjectDriver } from './driver-token.js';
export { HamiltonModule } from './hamilton.module.js';
export { type HamiltonErrorBody, HamiltonErrorFilter } from './hamilton-error.filter.js';
export type { HamiltonAdapter, HamiltonModuleExtras, HamiltonModuleOptions } from './hamilton-options.interface.js';
export { Pipeline } from './pipeline.decorator.js';
