import 'reflect-metadata';
import { AsyncDriver, Driver, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { FAILED, GracefulErrorAdapter, PrintLn, ProgressBar } from '../index.js';

class Report {
  readonly ran: string[] = [];
  @node() rows(path: string): string[] {
    if (!path.endsWith('.csv')) throw new TypeError(`not a CSV file: ${path}`);
    return ['a', 'b'];
  }
  @node() count(rows: string[]): number {
    this.ran.push('count');
    return rows.length;
  }
  @node() title(path: string): string {
    return path.toUpperCase();
  }
}

const normalized = (lines: readonly string[]) => lines.map((l) => l.replace(/\d+\.\d{1,2} ms/, 'N ms'));

describe('GracefulErrorAdapter with PrintLn in one driver', () => {
  it.each(['Driver', 'AsyncDriver'])('prints the caught failure, the skipped dependent and the rest (%s)', async (kind) => {
    const lines: string[] = [];
    const report = new Report();
    const adapter = [new PrintLn({ print: (l) => lines.push(l) }), new GracefulErrorAdapter()];
    const dr = kind === 'Driver' ? new Driver({}, report, { adapter }) : new AsyncDriver({}, report, { adapter });
    const out = await dr.rawExecute(['count', 'title'], { inputs: { path: 'data.json' } });
    expect(out).toEqual({ count: FAILED, title: 'DATA.JSON' });
    expect(report.ran).toEqual([]);
    expect(normalized(lines).sort()).toEqual([
      'Failed node: rows after N ms: yielded FAILED (GracefulErrorAdapter)',
      'Finished node: title in N ms',
      'Skipped node: count: a dependency is FAILED',
    ]);
  });

  it('prints only the caught failure at verbosity 0', async () => {
    const lines: string[] = [];
    const adapter = [new GracefulErrorAdapter(), new PrintLn({ verbosity: 0, print: (l) => lines.push(l) })];
    await new Driver({}, Report, { adapter }).rawExecute(['count', 'title'], { inputs: { path: 'data.json' } });
    expect(normalized(lines)).toEqual(['Failed node: rows after N ms: yielded FAILED (GracefulErrorAdapter)']);
  });

  it('prints the error message when the error is not one the adapter catches', async () => {
    const lines: string[] = [];
    const adapter = [new PrintLn({ verbosity: 0, print: (l) => lines.push(l) }), new GracefulErrorAdapter({ errorTypes: [RangeError] })];
    const error = await new Driver({}, Report, { adapter }).rawExecute(['count'], { inputs: { path: 'x' } }).catch((e) => e);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(normalized(lines)).toEqual(['Failed node: rows after N ms: not a CSV file: x']);
  });

  it('stacks with a silent ProgressBar', async () => {
    const adapter = [new ProgressBar({ enabled: false }), new GracefulErrorAdapter(), new PrintLn({ print: () => undefined })];
    const out = await new Driver({}, Report, { adapter }).rawExecute(['count'], { inputs: { path: 'data.csv' } });
    expect(out).toEqual({ count: 2 });
  });
});
