// Runs the README's "Lifecycle adapters: PrintLn, ProgressBar, GracefulErrorAdapter" snippets.

import { stripVTControlCharacters } from 'node:util';
import { FAILED, GracefulErrorAdapter, PrintLn, ProgressBar } from '@hamilton-ts/adapters';
import { Driver, node } from '@hamilton-ts/core';
import { afterEach, expect, jest, test } from '@jest/globals';
import { SpendFeatures } from './spend-features.js';

const spend = Float64Array.from([10, 20, 30, 40]);
const signups = Float64Array.from([1, 2, 5, 4]);

/** What the snippet printed with console.log, durations replaced by `N ms`. */
function captureConsole(): () => string[] {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  return () => log.mock.calls.map(([line]) => String(line).replace(/\d+\.\d{1,2} ms/, 'N ms'));
}

afterEach(() => {
  jest.restoreAllMocks();
});

test('PrintLn as the README writes it', async () => {
  const printedLines = captureConsole();

  const printed = new Driver({}, SpendFeatures, { adapter: new PrintLn({ verbosity: 2 }) });
  await printed.rawExecute(['spendPerSignup'], { inputs: { spend, signups } });

  expect(printedLines()).toEqual([
    'Executing node: spendUsd (kwargs: spend)',
    'Finished node: spendUsd in N ms',
    'Executing node: spendPerSignup (kwargs: spendUsd, signups)',
    'Finished node: spendPerSignup in N ms',
  ]);
});

test('ProgressBar as the README writes it, on a terminal', async () => {
  const wasTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
  const written: string[] = [];
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  try {
    const withBar = new Driver({}, SpendFeatures, { adapter: new ProgressBar() });
    await withBar.rawExecute(['spendPerSignup'], { inputs: { spend, signups } });
  } finally {
    if (wasTTY) Object.defineProperty(process.stderr, 'isTTY', wasTTY);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  }
  expect(stripVTControlCharacters(written.join(''))).toMatch(/nodes \[=+\] 100% \| 2\/2 \| \d+s\n$/);
});

test('GracefulErrorAdapter as the README writes it', async () => {
  const printedLines = captureConsole();
  let averageRan = false;

  class Prices {
    @node() quotes(tickers: string[]): number[] {
      if (tickers.includes('???')) throw new RangeError('unknown ticker ???');
      return tickers.map((t) => t.length);
    }
    @node() average(quotes: number[]): number {
      averageRan = true;
      return quotes.reduce((a, b) => a + b, 0) / quotes.length;
    }
    @node() tickerCount(tickers: string[]): number {
      return tickers.length;
    }
  }

  const graceful = new GracefulErrorAdapter({ errorTypes: [RangeError] });
  const prices = new Driver({}, Prices, { adapter: [new PrintLn({ verbosity: 0 }), graceful] });
  const out = await prices.rawExecute(['average', 'tickerCount'], { inputs: { tickers: ['ABC', '???'] } });

  expect(printedLines()).toEqual(['Failed node: quotes after N ms: yielded FAILED (GracefulErrorAdapter)']);
  expect(out).toEqual({ average: FAILED, tickerCount: 2 });
  expect(averageRan).toBe(false);
  const [failure, ...others] = graceful.failures();
  expect(others).toEqual([]);
  expect(failure).toEqual({ runId: expect.stringMatching(/^run-\d+-/), node: 'quotes', error: new RangeError('unknown ticker ???') });
  expect(failure.error).toBeInstanceOf(RangeError);
  expect(await prices.rawExecute(['average'], { inputs: { tickers: ['AB', 'CDEF'] } })).toEqual({ average: 3 });
});
