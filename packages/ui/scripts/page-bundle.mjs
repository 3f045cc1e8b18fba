// Bundles the page (page/main.tsx with Preact, page/app.css, page/index.html) with esbuild, minified.
// Shared by build-page.mjs, which writes dist/page, and the server, which bundles in memory when
// dist/page is missing or older than the sources.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PAGE = new URL('../page/', import.meta.url);

/**
 * The page's three files as text, by name: `index.html`, `app.js`, `app.css`.
 * @returns {Promise<Record<'index.html' | 'app.js' | 'app.css', string>>}
 */
export async function bundlePage() {
  const result = await build({
    entryPoints: { app: fileURLToPath(new URL('main.tsx', PAGE)) },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    write: false,
    outdir: 'page',
    logLevel: 'silent',
  });
  const text = (name) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(`/${name}`));
    if (file === undefined) throw new Error(`esbuild wrote no ${name}`);
    return file.text;
  };
  // The template has no inline script or style (the server's CSP forbids them): only whitespace to drop.
  const html = (await readFile(new URL('index.html', PAGE), 'utf8')).replace(/>\s+</g, '><').trim();
  return { 'index.html': html, 'app.js': text('app.js'), 'app.css': text('app.css') };
}
