import { decoratedMethodsOf } from '../metadata/method-record.js';

/** A class the Driver can take as a module (constructed with `new C()`). */
export type ModuleClass = new () => object;

/**
 * The exported classes of a module namespace that have `@node` methods, in export order, each once
 * (a class exported under two names counts once). A worker that imports a pipeline file by URL uses
 * it to find the modules the driver was given.
 *
 * @example
 * const modules = modulesOfExports(await import(new URL('./features.ts', import.meta.url).href));
 * const dr = new Driver({}, modules);
 */
export function modulesOfExports(exports: Readonly<Record<string, unknown>>): ModuleClass[] {
  const found: ModuleClass[] = [];
  for (const value of Object.values(exports)) {
    if (typeof value !== 'function' || found.includes(value as ModuleClass)) continue;
    const prototype = (value as { prototype?: unknown }).prototype;
    if (prototype === null || typeof prototype !== 'object') continue;
    if (decoratedMethodsOf(prototype).some((m) => m.record.isNode || m.record.mutations)) found.push(value as ModuleClass);
  }
  return found;
}
