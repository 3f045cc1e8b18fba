// What a worker of an engine (a thread, a queue consumer) needs to run the driver's nodes by name.
export { type ModuleClass, modulesOfExports } from './modules-of-exports.js';
export { buildNodeRunner, type NodeRunner } from './node-runner.js';
