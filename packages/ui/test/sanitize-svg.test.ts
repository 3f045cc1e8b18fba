// The page's SVG sanitizer in a real browser, fed markup graphviz never writes: whatever the server sent,
// only drawing elements and attributes reach the page, and text stays text.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';

const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200pt" height="80pt" viewBox="0 0 200 80" onload="alert('svg onload')">
  <script>alert('svg script')</script>
  <style>* { background: url(https://attacker.example/x) }</style>
  <!-- a comment -->
  <g id="hn0" class="node" onclick="alert('click')" style="fill:red">
    <title>&lt;script&gt;alert(1)&lt;/script&gt;</title>
    <path fill="none" stroke="black" d="M10,10 L50,10"/>
    <text x="10" y="20" font-size="14">&lt;img src=x onerror=alert(2)&gt;</text>
    <a xlink:href="javascript:alert('link')" href="javascript:alert('link2')"><text>click me</text></a>
    <foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert('iframe')"></iframe></foreignObject>
    <image href="https://attacker.example/pixel.png" width="1" height="1"/>
    <use href="#hn0"/>
    <animate attributeName="href" to="javascript:alert('animate')"/>
  </g>
</svg>`;

let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: "import { sanitizeSvg } from './sanitize-svg.js'; globalThis.sanitizeSvg = sanitizeSvg;",
      resolveDir: fileURLToPath(new URL('../page/', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setContent('<!doctype html><div id="host"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Sanitizes `svg` in the page, inserts the result, and returns its markup. */
const sanitizeInPage = (svg: string) =>
  page.evaluate((text) => {
    const result = (globalThis as unknown as { sanitizeSvg: (t: string) => SVGSVGElement | undefined }).sanitizeSvg(text);
    if (result) document.getElementById('host')!.replaceChildren(result);
    return result ? new XMLSerializer().serializeToString(result) : undefined;
  }, svg);

describe('sanitizeSvg', () => {
  it('keeps drawing elements, geometry and text, and drops scripts, handlers, links, styles and foreign content', async () => {
    const markup = await sanitizeInPage(HOSTILE_SVG);
    expect(markup).toBeDefined();
    for (const kept of ['<g id="hn0" class="node">', '<path fill="none" stroke="black" d="M10,10 L50,10"/>', 'viewBox="0 0 200 80"'])
      expect(markup).toContain(kept);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;img src=x onerror=alert(2)&gt;');
    for (const dropped of [
      'onload',
      'onclick',
      '<script',
      '<style',
      'style=',
      'href',
      '<a',
      'foreignObject',
      'iframe',
      '<image',
      '<use',
      '<animate',
      'comment',
    ])
      expect(markup).not.toContain(dropped);
    await page.locator('#host svg').click({ position: { x: 20, y: 10 } });
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(1);
    expect(dialogs).toEqual([]);
  }, 30_000);

  it('refuses what is not an SVG document', async () => {
    await expect(sanitizeInPage('<html><body>not svg</body></html>')).resolves.toBeUndefined();
    await expect(sanitizeInPage('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).resolves.toBeUndefined();
    await expect(sanitizeInPage('<svg><g/></svg>')).resolves.toBeUndefined();
  }, 30_000);
});
