import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { ThreadPool, WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Builder, Driver, type GraphAdapter, GraphBuildError, node, source, value } from '@hamilton-ts/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';
import { from, loadFrom, saveTo, to } from '../src/index.js';
import { SpendFeatures } from './fixtures/spend-features.js';
import { failure, workDirectory } from './io-support.js';

let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
  writeFileSync(work.file('spend.csv'), 'spend,region\n10,US\n30,EU\n60,US\n');
});
afterEach(() => work.cleanup());

/** Names of nodes a lifecycle adapter saw finish, in order. */
function recorder(): GraphAdapter & { seen: string[] } {
  const seen: string[] = [];
  return { seen, postNodeExecute: ({ node: n }) => void seen.push(n.name) };
}

describe('loaders and savers are nodes', () => {
  it('of dr.materialize: in postNodeExecute, with their tags and docs in the graph of the run', async () => {
    const adapter = recorder();
    const dr = new Driver({}, SpendFeatures, { adapter });
    const out = work.file('share.csv');
    const { results, metadata } = await dr.materialize(
      [
        from.csv({ target: 'rows', path: work.file('spend.csv') }),
        to.csv({ id: 'saveShare', dependencies: ['spend', 'spendShare'], path: out }),
      ],
      { additionalVars: ['spendShare'] },
    );
    expect(Array.from(results.spendShare as Float64Array)).toEqual([0.1, 0.3, 0.6]);
    expect(adapter.seen).toEqual(['rows', 'spend', 'spendShare', 'saveShare']);
    expect(metadata.saveShare).toMatchObject({ path: out, format: 'csv', rows: 3, columns: 2 });
    expect(readFileSync(out, 'utf8')).toBe('spend,spendShare\n10,0.1\n30,0.3\n60,0.6\n');
    // The driver's own graph is unchanged: rows is still an input.
    expect(dr.listAvailableVariables().find((v) => v.name === 'rows')?.isExternalInput).toBe(true);
  });

  it('of @loadFrom and @saveTo: listed with tags and docs, pictured, and run by name', async () => {
    class Report {
      @node()
      @loadFrom.csv({ path: source('dataPath'), inject: 'rows' })
      @saveTo.json({ path: source('reportPath'), id: 'saveTotal' })
      total(rows: ColumnTable, scale: number): number {
        return (rows.column('spend') as unknown as Float64Array).reduce((a, b) => a + b, 0) * scale;
      }

      @node()
      @loadFrom.json({ path: value('unused.json') })
      only(settings: unknown): unknown {
        return settings;
      }
    }
    const dr = new Driver({}, Report);
    const listed = Object.fromEntries(dr.listAvailableVariables().map((v) => [v.name, v]));
    expect(listed['total.load_rows']).toMatchObject({
      tags: { 'hamilton.io': 'loader', 'hamilton.format': 'csv' },
      documentation: 'Loads the path in node "dataPath" (csv).',
      requiredDependencies: ['dataPath'],
    });
    expect(listed['only.load_settings'].documentation).toBe('Loads unused.json (json).');
    expect(listed.saveTotal).toMatchObject({
      tags: { 'hamilton.io': 'saver', 'hamilton.format': 'json' },
      requiredDependencies: ['total', 'reportPath'],
    });
    expect(listed.total.requiredDependencies).toEqual(['total.load_rows', 'scale']);
    expect(dr.displayAllFunctions({ format: 'mermaid' })).toContain('saveTotal');

    const reportPath = work.file('total.json');
    const run = await dr.rawExecute(['saveTotal', 'total'], { inputs: { dataPath: work.file('spend.csv'), reportPath, scale: 2 } });
    expect(run.total).toBe(200);
    expect(run.saveTotal).toMatchObject({ path: reportPath, format: 'json' });
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toBe(200);
  });

  it('reports decorator misuse in the one GraphBuildError', () => {
    class Misused {
      @node() @loadFrom.csv({ path: 'a.csv' }) two(a: ColumnTable, b: number): number {
        return b;
      }
      @node() @loadFrom.csv({ path: 'a.csv', inject: 'nope' }) one(a: ColumnTable): ColumnTable {
        return a;
      }
      @node() @saveTo.format('xlsx', { path: 'x.xlsx' }) three(): number {
        return 3;
      }
    }
    let error: unknown;
    try {
      new Driver({}, Misused);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphBuildError);
    const messages = (error as GraphBuildError).problems.map((p) => p.message);
    expect(messages).toEqual([
      "Misused.two: @loadFrom.csv: the method has 2 parameters (a, b); say which one the file feeds with inject: 'name'",
      'Misused.one: @loadFrom.csv: inject: "nope" is not a parameter of the method; its parameters are a',
      expect.stringMatching(/^Misused\.three: @saveTo\.xlsx: x\.xlsx: unknown format "xlsx"/),
    ]);
  });
});

describe('loaders and savers with the cache and engines', () => {
  it('always read and write again; the nodes after a loader hit while the file is unchanged', async () => {
    const cachePath = work.file('cache');
    const data = work.file('spend.csv');
    const materializers = [
      from.csv({ target: 'rows', path: data }),
      to.csv({ id: 'save', dependencies: ['spendShare'], path: work.file('o.csv') }),
    ];
    const dr = new Builder().withModules(SpendFeatures).withCache({ path: cachePath }).build();
    await dr.materialize(materializers);
    const statuses = () => Object.fromEntries(Object.entries(dr.cache.lastRun.nodes).map(([name, r]) => [name, r.status]));
    expect(statuses()).toEqual({ rows: 'recompute', spend: 'miss', spendShare: 'miss', save: 'recompute' });
    await dr.materialize(materializers);
    expect(statuses()).toEqual({ rows: 'recompute', spend: 'hit', spendShare: 'hit', save: 'recompute' });
    writeFileSync(data, 'spend,region\n50,US\n50,EU\n');
    const { metadata } = await dr.materialize(materializers);
    expect(statuses()).toEqual({ rows: 'recompute', spend: 'miss', spendShare: 'miss', save: 'recompute' });
    expect(metadata.save.rows).toBe(2);
    await dr.cache.close();
  });

  it("run in the driver's process under worker threads, while the other nodes go to the threads", async () => {
    const pool = new ThreadPool({ maxThreads: 1 });
    try {
      const sent: string[] = [];
      const adapter = new WorkerThreadsGraphAdapter({ modules: [new URL('./fixtures/spend-features.ts', import.meta.url)], pool });
      const runNode = adapter.runNode.bind(adapter);
      adapter.runNode = (request, local) => {
        if (!(request.node.tags['hamilton.io'] !== undefined)) sent.push(request.node.name);
        return runNode(request, local);
      };
      const dr = new Driver({}, SpendFeatures, { adapter });
      const { results, metadata } = await dr.materialize(
        [
          from.csv({ target: 'rows', path: work.file('spend.csv') }),
          to.parquet({ id: 'save', dependencies: ['spendShare'], path: work.file('s.parquet') }),
        ],
        { additionalVars: ['spendShare'] },
      );
      expect(sent.sort()).toEqual(['spend', 'spendShare']);
      expect(Array.from(results.spendShare as Float64Array)).toEqual([0.1, 0.3, 0.6]);
      expect(metadata.save.rows).toBe(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("an unknown additional variable is the driver's own UnknownNodeError", async () => {
    const error = await failure(
      new Driver({}, SpendFeatures).materialize([from.csv({ target: 'rows', path: 'x.csv' })], { additionalVars: ['spendShar'] }),
    );
    expect(error.name).toBe('UnknownNodeError');
    expect(error.message).toContain('spendShare');
  });
});
