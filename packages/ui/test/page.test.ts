// The page in headless Chromium, as a person uses it: the runs list, a failed run with its errors, picture,
// waterfall and node table, a node whose doc holds a <script> tag, a run that updates while it runs, a
// run too large to draw, and a server that wants a token.
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunningUi, serveUi } from '../src/server/index.js';
import { PICTURE_NODE_LIMIT } from '../src/server/ui.constants.js';
import { summarize } from '../src/summary/summarize.js';
import { launchChromium } from './support/browser.js';
import { chain, planned, runEvents } from './support/run-events.js';
import { screenshotRunPage } from './support/run-page-screenshot.js';
import { type TempStore, tempStore } from './support/temp-store.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const HOSTILE_DOC = '<script>alert("doc")</script><img src=x onerror=alert(2)> "quotes" & \'apostrophes\'';
const HOSTILE_NAME = '<script>alert("name")</script>';
const TOKEN = 'page-test-token-0123456789';
const SLOW = 40;

let temp: TempStore;
let ui: RunningUi;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shots: string;
/** Every dialog (alert, confirm) any page opened: an injected script would show up here. */
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  temp = await tempStore();
  shots = await mkdtemp(join(tmpdir(), 'hamilton-ui-shots-'));
  const failing = [
    planned('spend', [], { isInput: true, type: 'Float64Array', doc: 'weekly spend' }),
    planned('spendMean', ['spend'], { doc: 'mean of spend', tags: { stage: 'features', owners: ['ana', 'bo'] } }),
    planned('scaled', ['spend', 'spendMean'], { doc: HOSTILE_DOC, type: 'Float64Array', location: 'Features.scaled (features.ts:12)' }),
    planned(HOSTILE_NAME, ['scaled']),
    planned('report', [HOSTILE_NAME]),
  ];
  await temp.store.write(runEvents({ id: 'ok-run', project: 'marketing', startedAt: T0, nodes: chain(4) }));
  await temp.store.write(
    runEvents({
      id: 'failed-run',
      project: 'marketing',
      startedAt: T0 + 1000,
      status: 'failure',
      nodes: failing,
      durationOf: (name) => (name === 'scaled' ? SLOW : 2),
      error: {
        type: 'TypeError',
        message: 'report: cannot read "rows" of undefined',
        stack: 'TypeError: report: cannot read "rows" of undefined\n    at Features.report (features.ts:30:7)',
      },
    }),
  );
  await temp.store.write(runEvents({ id: 'other-project-run', project: 'pricing', startedAt: T0 + 2000, nodes: chain(2) }));
  await temp.store.write(runEvents({ id: 'big-run', project: 'scale', startedAt: T0 - 60_000, nodes: chain(PICTURE_NODE_LIMIT * 5) }));
  // Its process stopped reporting a millisecond after its last report: read as failed from then on.
  await temp.store.write([
    {
      kind: 'run-started',
      runId: 'lost-run',
      project: 'ops',
      startedAt: T0 - 120_000,
      outputs: ['n2'],
      inputs: { x: summarize(Number.NaN) },
      nodes: chain(3),
      process: { pid: 4242, hostname: 'gone-host', staleAfterMs: 1 },
    },
    {
      kind: 'node-finished',
      runId: 'lost-run',
      name: 'n0',
      status: 'success',
      startedAt: T0 - 119_000,
      durationMs: 3,
      summary: summarize(new Float64Array([Number.NEGATIVE_INFINITY, 1, Number.NaN])),
      seq: 1,
    },
    { kind: 'heartbeat', runId: 'lost-run', inFlight: [{ name: 'n1', startedAt: T0 - 118_000 }] },
  ]);
  ui = await serveUi({ store: temp.store, port: 0 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await ui?.close();
  await temp?.dispose();
  await rm(shots, { recursive: true, force: true });
});

async function openPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const opened = await context.newPage();
  // Shorter than the tests' own limit, so a missing element fails with the locator's name.
  opened.setDefaultTimeout(10_000);
  opened.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  opened.on('pageerror', (error) => pageErrors.push(error.message));
  return opened;
}

describe('the runs list and a failed run', () => {
  beforeAll(async () => {
    page = await openPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lists the runs newest first with their statuses, and filters them by project and status', async () => {
    await page.goto(ui.url);
    const rows = page.locator('table.runs tbody tr');
    await expect(rows.first().textContent()).resolves.toContain('pricing');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.badge')!.textContent))).toEqual([
      'success',
      'failure',
      'success',
      'success',
      'failure',
    ]);
    await page.locator('select').first().selectOption('marketing');
    await page.waitForFunction(() => document.querySelectorAll('table.runs tbody tr').length === 2);
    expect(page.url()).toContain('project=marketing');
    await page.locator('select').nth(1).selectOption('failure');
    await page.waitForFunction(() => document.querySelectorAll('table.runs tbody tr').length === 1);
    await expect(page.locator('.pager').textContent()).resolves.toContain('1–1 of 1');
  }, 30_000);

  it('follows a run to its page: status, errors with stacks, the coloured picture, the waterfall, the node table', async () => {
    await page.locator('table.runs tbody tr a').first().click();
    await page.locator('.run-header').waitFor();
    expect(page.url()).toContain('#/runs/failed-run');
    await expect(page.locator('.run-header .badge').first().textContent()).resolves.toBe('failure');
    const errors = page.locator('.errors');
    await expect(errors.textContent()).resolves.toContain('TypeError: report: cannot read "rows" of undefined');
    await expect(errors.locator('pre.stack').first().textContent()).resolves.toContain('at Features.report (features.ts:30:7)');

    const groups = page.locator('.picture svg g.node[data-status]');
    await groups.first().waitFor();
    const statuses = await groups.evaluateAll((gs) =>
      Object.fromEntries(gs.map((g) => [g.getAttribute('data-name'), g.getAttribute('data-status')])),
    );
    expect(statuses).toEqual({ spend: 'input', spendMean: 'success', scaled: 'success', [HOSTILE_NAME]: 'success', report: 'failure' });
    const fill = await page
      .locator('.picture svg g.node[data-status="failure"] path, .picture svg g.node[data-status="failure"] polygon')
      .first()
      .getAttribute('fill');
    expect(fill).toMatch(/^hsl\(0 /);
    await expect(page.locator('.picture svg').textContent()).resolves.toContain(HOSTILE_NAME);

    expect(await page.locator('.waterfall .waterfall-name').allTextContents()).toEqual(['spendMean', 'scaled', HOSTILE_NAME, 'report']);
    const names = () => page.locator('.node-table tbody .node-name').allTextContents();
    expect(await names()).toEqual(['spendMean', 'scaled', HOSTILE_NAME, 'report', 'spend']);
    await page.getByRole('button', { name: /Duration/ }).click();
    expect((await names())[0]).toBe('scaled');
    await page.getByRole('button', { name: /Duration/ }).click();
    expect((await names()).slice(-2)).toEqual(['scaled', 'spend']);

    await screenshotRunPage(browser, { url: ui.url, runId: 'failed-run', node: 'scaled', path: join(shots, 'run-page.png') });
    expect(existsSync(join(shots, 'run-page.png'))).toBe(true);
    expect(statSync(join(shots, 'run-page.png')).size).toBeGreaterThan(10_000);
  }, 30_000);

  it('shows a node whose doc holds <script> as text: no dialog, no new script element', async () => {
    // The picture's nodes open the view too: by mouse, and by keyboard (Tab to the node, Enter).
    const view = page.locator('.node-view');
    // The page redraws after the event that opened a node: wait for it, then read what it shows.
    const opened = async (name: string) => {
      await page.waitForFunction((n) => document.querySelector('.node-view h2')?.textContent === n, name);
      return view.locator('h2').textContent();
    };
    await page.locator(`.picture g.node[data-name="report"]`).click();
    await expect(opened('report')).resolves.toBe('report');
    await page.locator('.picture g.node[data-name="spendMean"]').focus();
    await page.keyboard.press('Enter');
    await expect(opened('spendMean')).resolves.toBe('spendMean');
    await page.locator('.node-table a', { hasText: 'scaled' }).click();
    await expect(opened('scaled')).resolves.toBe('scaled');
    await expect(view.locator('.doc').textContent()).resolves.toBe(HOSTILE_DOC);
    await expect(view.textContent()).resolves.toContain('Features.scaled (features.ts:12)');
    await expect(view.locator('.node-links a').allTextContents()).resolves.toEqual(['spend', 'spendMean', HOSTILE_NAME]);

    await page.locator('.node-view a', { hasText: HOSTILE_NAME }).click();
    await expect(opened(HOSTILE_NAME)).resolves.toBe(HOSTILE_NAME);
    await page.locator('.node-view .node-links a', { hasText: 'scaled' }).click();
    await page.locator('.node-view .node-links a', { hasText: 'spendMean' }).click();
    await expect(opened('spendMean')).resolves.toBe('spendMean');
    await expect(view.locator('.tags').textContent()).resolves.toBe('stagefeaturesownersana, bo');
    await expect(view.locator('.summary').textContent()).resolves.toContain('value0');

    expect(await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname))).toEqual(['/app.js']);
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('says there is no such run for an unknown id', async () => {
    await page.goto(new URL('#/runs/no-such-run', ui.url).href);
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('There is no such run');
  }, 30_000);
});

describe('a run in progress and a large run', () => {
  beforeAll(async () => {
    page = await openPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('updates a running run as its nodes finish, until it ends', async () => {
    const nodes = chain(3);
    await temp.store.write([
      { kind: 'run-started', runId: 'live-run', project: 'live', startedAt: Date.now(), outputs: ['n2'], inputs: {}, nodes },
    ]);
    await page.goto(new URL('#/runs/live-run', ui.url).href);
    await expect(page.locator('.run-header .badge').first().textContent()).resolves.toBe('running');
    await expect(page.locator('.live').textContent()).resolves.toContain('updating');
    await page.locator('.node-table .badge', { hasText: 'pending' }).first().waitFor();

    await temp.store.write([
      { kind: 'node-finished', runId: 'live-run', name: 'n0', status: 'success', startedAt: Date.now(), durationMs: 5 },
    ]);
    await page.waitForFunction(() => document.querySelector('g.node[data-name="n0"]')?.getAttribute('data-status') === 'success');
    const finishedAt = Date.now();
    await temp.store.write([
      { kind: 'node-finished', runId: 'live-run', name: 'n1', status: 'success', startedAt: finishedAt, durationMs: 5 },
      { kind: 'node-finished', runId: 'live-run', name: 'n2', status: 'success', startedAt: finishedAt + 5, durationMs: 5 },
      { kind: 'run-finished', runId: 'live-run', status: 'success', durationMs: 50 },
    ]);
    await page.waitForFunction(() => document.querySelector('.run-header .badge')?.textContent === 'success');
    expect(await page.locator('.live').count()).toBe(0);
    expect(await page.locator('.node-table .badge', { hasText: 'pending' }).count()).toBe(0);
  }, 30_000);

  it(`does not draw a run of ${PICTURE_NODE_LIMIT * 5} nodes, says how to see it, and renders only the table rows in view`, async () => {
    await page.goto(new URL('#/runs/big-run', ui.url).href);
    await expect(page.locator('.not-drawn').textContent()).resolves.toMatch(/2,001 nodes.*hamilton-ts view/);
    const table = page.locator('.node-table');
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(PICTURE_NODE_LIMIT * 5 + 2));
    expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);
    await page.locator('.table-scroller').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await table.locator('.node-name', { hasText: /^n1999$/ }).waitFor();
  }, 30_000);
});

describe('a run whose process stopped reporting', () => {
  beforeAll(async () => {
    page = await openPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows it failed, naming the process, its running node failed, and NaN and ±∞ of summaries as such', async () => {
    await page.goto(new URL('#/runs/lost-run', ui.url).href);
    await expect(page.locator('.run-header .badge').first().textContent()).resolves.toBe('failure');
    const errors = page.locator('.errors');
    await expect(errors.textContent()).resolves.toContain('pid 4242 on host "gone-host") stopped reporting');
    const statuses = await page
      .locator('.node-table tbody tr:not(.spacer)')
      .evaluateAll((trs) =>
        Object.fromEntries(trs.map((tr) => [tr.querySelector('.node-name')!.textContent, tr.querySelector('.badge')!.textContent])),
      );
    expect(statuses).toEqual({ n0: 'success', n1: 'failure', n2: 'skipped', x: 'input' });
    await page.locator('.node-table a', { hasText: 'n0' }).click();
    const facts = await page
      .locator('.node-view .summary table.facts tr')
      .evaluateAll((trs) =>
        Object.fromEntries(trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent])),
      );
    expect(facts).toMatchObject({ min: '−∞', max: '1', mean: '−∞', 'NaN count': '1' });
    await expect(page.locator('.input-card').textContent()).resolves.toMatch(/value\s*NaN/);
    expect(pageErrors).toEqual([]);
  }, 30_000);
});

describe('a server that wants a token', () => {
  let guarded: RunningUi;
  beforeAll(async () => {
    guarded = await serveUi({ store: temp.store, port: 0, token: TOKEN });
    page = await openPage();
  });
  afterAll(async () => {
    await context?.close();
    await guarded?.close();
  });

  it('says a token is needed when opened without one', async () => {
    await page.goto(guarded.url);
    await expect(page.locator('.notice').textContent()).resolves.toContain('This server needs a token');
  }, 30_000);

  it('takes ?token= once, drops it from the address, and keeps working in that tab', async () => {
    await page.goto(`${guarded.url}?token=${TOKEN}`);
    await page.locator('table.runs tbody tr').first().waitFor();
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => sessionStorage.getItem('hamilton-ts:token'))).toBe(TOKEN);
    await page.locator('table.runs tbody tr a').first().click();
    await page.locator('.run-header').waitFor();
    await page.reload();
    await page.locator('.run-header').waitFor();
  }, 30_000);
});
