// `npm run build` (last step): writes the page to packages/ui/dist/page, minified, and prints its sizes.
import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { bundlePage } from './page-bundle.mjs';

const OUT = new URL('../dist/page/', import.meta.url);

const files = await bundlePage();
await mkdir(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  await writeFile(new URL(name, OUT), text);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`dist/page/${name.padEnd(10)} ${kb(Buffer.byteLength(text)).padStart(9)}  (gzip ${kb(gzipSync(text).length)})`);
}
