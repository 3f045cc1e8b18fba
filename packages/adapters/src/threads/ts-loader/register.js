// Registers the TypeScript loader hooks (hooks.js) in the calling thread; worker threads call it before
// importing .ts modules, and scripts can call it from `node --import`.
import { register } from 'node:module';

const REGISTERED = Symbol.for('@hamilton-ts/adapters:ts-loader');

/**
 * Registers the loader in this thread, once: a second call (e.g. a worker thread that inherited a
 * `--import` doing the same) does nothing and returns false.
 *
 * @param {{ conditions?: string[] }} [options] `conditions`: resolve conditions to add to every import.
 * @returns {boolean} whether the loader was registered by this call.
 * @example
 * registerTypeScript({ conditions: ['@hamilton-ts/source'] });
 */
export function registerTypeScript(options = {}) {
  if (globalThis[REGISTERED]) return false;
  register('./hooks.js', import.meta.url, { data: { conditions: options.conditions ?? [] } });
  globalThis[REGISTERED] = true;
  return true;
}
