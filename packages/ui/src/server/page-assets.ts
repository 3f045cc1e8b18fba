// The page's files: read from dist/page (built by `npm run build`), or bundled in memory with esbuild
// from page/ when there is no build or it is older than the sources (a fresh clone, a test run).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uiMessages } from './ui.messages.js';

/** One file of the page, ready to send. */
export interface PageAsset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/** The page's files by URL path (`/`, `/app.js`, `/app.css`). */
export type PageAssets = ReadonlyMap<string, PageAsset>;

/** The files the page consists of, in dist/page and in what page-bundle.mjs returns. */
export const PAGE_FILES = ['index.html', 'app.js', 'app.css'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// Both src/server and dist/server sit two levels below the package root.
const BUILT = new URL('../../dist/page/', import.meta.url);
const SOURCES = new URL('../../page/', import.meta.url);
const BUNDLER = new URL('../../scripts/page-bundle.mjs', import.meta.url);

let loading: Promise<PageAssets> | undefined;

/** The page's files, loaded once per process. */
export function loadPageAssets(): Promise<PageAssets> {
  loading ??= readOrBundle().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readOrBundle(): Promise<PageAssets> {
  const files = (await builtIsCurrent()) ? await readBuilt() : await bundle();
  return new Map(
    Object.entries(files).map(([name, text]) => {
      const body = Buffer.from(text);
      const asset: PageAsset = {
        body,
        contentType: CONTENT_TYPES[extname(name)]!,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      };
      return [name === 'index.html' ? '/' : `/${name}`, asset];
    }),
  );
}

async function builtIsCurrent(): Promise<boolean> {
  const built = await stat(new URL('app.js', BUILT)).catch(() => undefined);
  if (built === undefined) return false;
  if (!existsSync(SOURCES)) return true;
  return (await newestChange(fileURLToPath(SOURCES))) <= built.mtimeMs;
}

async function newestChange(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const times = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(`${e.parentPath}/${e.name}`)).mtimeMs));
  return Math.max(0, ...times);
}

async function readBuilt(): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(PAGE_FILES.map(async (name) => [name, await readFile(new URL(name, BUILT), 'utf8')])));
}

async function bundle(): Promise<Record<string, string>> {
  if (!existsSync(SOURCES) || !existsSync(BUNDLER)) throw new Error(uiMessages.pageMissing(fileURLToPath(BUILT)));
  const { bundlePage } = (await import(BUNDLER.href)) as { bundlePage: () => Promise<Record<string, string>> };
  return bundlePage();
}
