import { describe, expect, it } from '@jest/globals';

type Context = { conditions: string[]; parentURL?: string };
type Next = (specifier: string, context: Context) => unknown;
interface Hooks {
  initialize(data: { conditions?: string[] }): void;
  resolve(specifier: string, context: Context, next: Next): Promise<unknown>;
  load(url: string, context: object, next: (url: string, context: object) => unknown): Promise<{ format?: string; source?: string }>;
}

// Plain JavaScript that Node runs as a loader: imported by URL, so the type checker does not look for its types.
const hooks = (await import(new URL('./ts-loader/hooks.js', import.meta.url).href)) as Hooks;
const echo: Next = (specifier, context) => ({ specifier, conditions: context.conditions });

describe('TypeScript loader hooks', () => {
  it('resolves ./x.js imported from a .ts file to ./x.ts when that exists, whatever query the importer has', async () => {
    const parentURL = new URL('./options.ts?copy=3', import.meta.url).href;
    expect(await hooks.resolve('./thread-pool.js', { conditions: ['node'], parentURL }, echo)).toEqual({
      specifier: new URL('./thread-pool.ts', import.meta.url).href,
      conditions: ['node'],
    });
    expect(await hooks.resolve('./ts-loader/register.js', { conditions: ['node'], parentURL }, echo)).toMatchObject({
      specifier: './ts-loader/register.js',
    });
  });

  it('adds the resolve conditions it was registered with, once', async () => {
    hooks.initialize({ conditions: ['@hamilton-ts/source'] });
    try {
      expect(await hooks.resolve('@hamilton-ts/core', { conditions: ['node', 'import'] }, echo)).toEqual({
        specifier: '@hamilton-ts/core',
        conditions: ['node', 'import', '@hamilton-ts/source'],
      });
      expect(await hooks.resolve('x', { conditions: ['@hamilton-ts/source'] }, echo)).toEqual({
        specifier: 'x',
        conditions: ['@hamilton-ts/source'],
      });
    } finally {
      hooks.initialize({});
    }
  });

  it('transpiles .ts files (also behind a ?query) with decorator metadata, and leaves others to Node', async () => {
    const url = `${new URL('./fixtures/cpu-features.ts', import.meta.url).href}?v=1`;
    const loaded = await hooks.load(url, {}, () => {
      throw new Error('a .ts file must not reach the next loader');
    });
    expect(loaded.format).toBe('module');
    expect(loaded.source).toContain('__metadata("design:paramtypes", [Number])'); // signal(size: number)
    expect(loaded.source).not.toMatch(/signal\(size: number\)/);
    const js = new URL('./thread-entry.js', import.meta.url).href;
    expect(await hooks.load(js, {}, (u) => ({ passed: u }))).toEqual({ passed: js });
  });
});
