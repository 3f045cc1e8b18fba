import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

interface TranspileCache {
  read(path: string, source: string, configPath: string | undefined): string | undefined;
  write(path: string, source: string, configFiles: string[], output: string): void;
}
type Load = (url: string, context: object, next: () => never) => Promise<{ source?: string }>;

// Plain JavaScript that Node runs as a loader: imported by URL, so the type checker does not look for its types.
const { createTranspileCache } = (await import(new URL('./ts-loader/transpile-cache.js', import.meta.url).href)) as {
  createTranspileCache(options: { emitter: string; directory: string }): TranspileCache;
};
/** A cache as hooks.js makes one, its entries in `directory`; another `emitter` stands for other emitting code. */
const cacheIn = (directory: string, emitter = 'hooks v1') => createTranspileCache({ emitter, directory });
const { load } = (await import(new URL('./ts-loader/hooks.js', import.meta.url).href)) as { load: Load };

describe('the TypeScript loader cache', () => {
  let root: string;
  let directory: string;
  let base: string;
  let tsconfig: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hamilton-ts-transpile-cache-'));
    directory = join(root, 'cache');
    base = join(root, 'tsconfig.base.json');
    tsconfig = join(root, 'tsconfig.json');
    await writeFile(base, '{ "compilerOptions": { "target": "ES2022" } }');
    await writeFile(tsconfig, '{ "extends": "./tsconfig.base.json" }');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives back what was written for the same file, source and config chain, in this process and the next', () => {
    const file = join(root, 'a.ts');
    cacheIn(directory).write(file, 'export const a: number = 1;', [tsconfig, base], 'export const a = 1;');
    expect(cacheIn(directory).read(file, 'export const a: number = 1;', tsconfig)).toBe('export const a = 1;');
    expect(cacheIn(directory).read(file, 'export const a: number = 2;', tsconfig)).toBeUndefined();
    expect(cacheIn(directory).read(join(root, 'b.ts'), 'export const a: number = 1;', tsconfig)).toBeUndefined();
  });

  it('misses once a file the tsconfig.json extends changes', async () => {
    const file = join(root, 'extended.ts');
    cacheIn(directory).write(file, 'x', [tsconfig, base], 'emitted');
    expect(cacheIn(directory).read(file, 'x', tsconfig)).toBe('emitted');
    await writeFile(base, '{ "compilerOptions": { "target": "ES2020" } }');
    expect(cacheIn(directory).read(file, 'x', tsconfig)).toBeUndefined();
  });

  it('misses for a tsconfig.json it has never seen, and works without one', () => {
    const file = join(root, 'loose.ts');
    const cache = cacheIn(directory);
    cache.write(file, 'x', [], 'emitted without a tsconfig');
    expect(cache.read(file, 'x', undefined)).toBe('emitted without a tsconfig');
    expect(cache.read(file, 'x', join(root, 'elsewhere', 'tsconfig.json'))).toBeUndefined();
  });

  it('keeps one entry per file, however often it changes', async () => {
    const own = join(root, 'own-cache');
    const cache = cacheIn(own);
    for (const version of [1, 2, 3]) cache.write(join(root, 'edited.ts'), `v${version}`, [tsconfig, base], `emitted ${version}`);
    expect((await readdir(own)).filter((name) => !name.startsWith('config-'))).toHaveLength(1);
    expect(cache.read(join(root, 'edited.ts'), 'v3', tsconfig)).toBe('emitted 3');
  });

  it('misses what another version of the emitting code wrote', () => {
    const file = join(root, 'emitted-by.ts');
    cacheIn(directory).write(file, 'x', [], 'emitted by v1');
    expect(cacheIn(directory).read(file, 'x', undefined)).toBe('emitted by v1');
    expect(cacheIn(directory, 'hooks v2').read(file, 'x', undefined)).toBeUndefined();
  });

  it('treats a cache it cannot write as a miss, without failing', async () => {
    const blocked = join(root, 'not-a-directory');
    await writeFile(blocked, '');
    const cache = cacheIn(blocked);
    expect(() => cache.write(join(root, 'a.ts'), 'x', [], 'emitted')).not.toThrow();
    expect(cache.read(join(root, 'a.ts'), 'x', undefined)).toBeUndefined();
  });

  it('serves an edited module its new code through the loader hooks', async () => {
    const file = join(root, 'edited-module.ts');
    const next = () => {
      throw new Error('a .ts file must not reach the next loader');
    };
    await writeFile(file, 'export const answer: number = 41;');
    expect((await load(pathToFileURL(file).href, {}, next)).source).toContain('answer = 41');
    await writeFile(file, 'export const answer: number = 42;');
    expect((await load(pathToFileURL(file).href, {}, next)).source).toContain('answer = 42');
  });
});
