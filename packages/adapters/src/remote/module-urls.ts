import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** True for URLs of TypeScript files; a `?query` or `#hash` (e.g. to get a fresh module instance) does not count. */
export function isTypeScriptUrl(href: string): boolean {
  return /\.m?ts$/.test(new URL(href).pathname);
}

/**
 * The file URL (href) of a `modules` entry: a `URL` object, a `file:` URL string, or a file path
 * (relative ones against the working directory); `undefined` for anything else.
 */
export function moduleHref(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    if (entry.startsWith('file:')) return URL.canParse(entry) ? new URL(entry).href : undefined;
    // Another scheme (http:, node:, data:) cannot be a module file; a Windows drive letter (C:\) can.
    if (entry === '' || (/^[a-z][a-z\d+.-]+:/i.test(entry) && !/^[a-z]:[\\/]/i.test(entry))) return undefined;
    return pathToFileURL(resolve(entry)).href;
  }
  // URL objects of another realm (jest's sandbox) fail `instanceof URL`: read them by shape.
  const url = entry as { href?: unknown; protocol?: unknown } | null;
  if (url !== null && typeof url === 'object' && typeof url.href === 'string' && url.protocol === 'file:') return url.href;
  return undefined;
}

/** Whether the file a module href points at exists (its query and hash ignored). */
export function moduleExists(href: string): boolean {
  return existsSync(fileURLToPath(href));
}

/** Whether `typescript` can be resolved from this package, where the worker's loader imports it. */
export function typescriptInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('typescript');
    return true;
  } catch {
    return false;
  }
}
