// The file each worker thread of a ThreadPool starts with. Plain JavaScript, so Node runs it without a
// loader: when the worker module is TypeScript (running from source) it registers the TypeScript loader
// first, in this thread only, then hands every task to the worker module. (Passing `--import` in the
// workers' execArgv instead would fail: Node refuses V8 flags there, such as --expose-gc.)
import { workerData } from 'node:worker_threads';
import { registerTypeScript } from './ts-loader/register.js';

/** @type {import('./protocol.js').ThreadWorkerData} */
const { workerModule, conditions } = workerData;
if (/\.m?ts$/.test(new URL(workerModule).pathname)) registerTypeScript({ conditions: [...conditions] });
const { runTask } = await import(workerModule);

export default runTask;
