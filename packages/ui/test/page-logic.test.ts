// The page's logic that needs no browser: its routes, how numbers read, and how a run's nodes are joined.
import { describe, expect, it } from '@jest/globals';
import { formatDuration, formatNumber } from '../page/format.js';
import { countStatuses, nodeRows } from '../page/node-rows.js';
import { parseRoute, runHref, runsHref } from '../page/route.js';
import { statusFill } from '../page/status-colour.js';
import type { PlannedNode, RunDetail } from '../src/store/records.js';

describe('routes', () => {
  it('round-trips the runs list with its filters and a run with a node, whatever the names hold', () => {
    expect(parseRoute(runsHref({ project: 'a b&c=d', status: 'failure', page: 2 }))).toEqual({
      view: 'runs',
      project: 'a b&c=d',
      status: 'failure',
      page: 2,
    });
    expect(parseRoute(runsHref({ page: 0 }))).toEqual({ view: 'runs', page: 0 });
    expect(parseRoute(runHref('id/1', '<script>/x?y#z'))).toEqual({ view: 'run', id: 'id/1', node: '<script>/x?y#z' });
    expect(parseRoute(runHref('r'))).toEqual({ view: 'run', id: 'r' });
  });

  it('reads a hand-edited hash leniently: unknown status and bad pages are dropped, bad escapes kept', () => {
    expect(parseRoute('#/?status=done&page=-3')).toEqual({ view: 'runs', page: 0 });
    expect(parseRoute('')).toEqual({ view: 'runs', page: 0 });
    expect(parseRoute('#/runs/%E0%A4%A')).toEqual({ view: 'run', id: '%E0%A4%A' });
  });
});

describe('format', () => {
  it.each([
    [0.25, '250 µs'],
    [12.34, '12.3 ms'],
    [450, '450 ms'],
    [4567, '4.57 s'],
    [125_000, '2 min 05 s'],
    [null, '—'],
  ])('formatDuration(%p) is %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [1234567, '1,234,567'],
    [Math.PI, '3.14159'],
    [1e-7, '1.0000e-7'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '−∞'],
    ['NaN', 'NaN'],
    ['Infinity', '∞'],
    ['-Infinity', '−∞'],
    [null, 'not finite'],
  ] as const)('formatNumber(%p) is %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('nodeRows', () => {
  const planned: PlannedNode[] = [
    { name: 'a', type: 'number', doc: '', tags: {}, dependencies: ['x'] },
    { name: 'b', type: 'number', doc: '', tags: {}, dependencies: ['a'] },
    { name: 'x', type: 'number', doc: '', tags: {}, dependencies: [], isInput: true },
  ];
  const run = (status: RunDetail['status']): RunDetail => ({
    id: 'r',
    project: 'p',
    status,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: status === 'running' ? null : 10,
    outputs: ['b'],
    inputs: { x: { kind: 'number', type: 'number', value: 1 } },
    nodes: [{ name: 'a', status: 'success', startedAt: '2026-01-01T00:00:00.004Z', durationMs: 3, type: 'number', doc: '', tags: {} }],
  });

  it('joins finished nodes with the planned ones: pending while the run goes, inputs with their summaries', () => {
    const rows = nodeRows(run('running'), planned);
    expect(rows.map((r) => [r.name, r.status, r.offsetMs])).toEqual([
      ['a', 'success', 4],
      ['b', 'pending', undefined],
      ['x', 'input', undefined],
    ]);
    expect(rows[2]!.summary).toEqual({ kind: 'number', type: 'number', value: 1 });
    expect(countStatuses(nodeRows(run('failure'), planned))).toEqual({ success: 1, failure: 0, skipped: 1, pending: 0, input: 1 });
  });

  it('shows the finished nodes alone before the graph has loaded', () => {
    expect(nodeRows(run('success'), undefined).map((r) => r.name)).toEqual(['a']);
  });
});

describe('statusFill', () => {
  it('keeps the status hue and darkens with the duration', () => {
    expect(statusFill('failure', 0, 100)).toBe('hsl(0 75% 90.0%)');
    expect(statusFill('success', 100, 100)).toBe('hsl(142 55% 48.0%)');
    expect(statusFill('pending', undefined, 100)).toBe('hsl(212 70% 90.0%)');
  });
});
