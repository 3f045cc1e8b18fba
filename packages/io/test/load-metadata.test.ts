// What dr.materialize reports of its loaders: an entry per loader that ran, under its target, beside
// the savers' entries; never part of the loaded value, so the cache keys after a loader do not move.
import 'reflect-metadata';
import { statSync, writeFileSync } from 'node:fs';
import { Builder, Driver, type LoaderSpec, node } from '@hamilton-ts/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { from, registerFormat, to } from '../src/index.js';
import { SpendFeatures } from './fixtures/spend-features.js';
import { workDirectory } from './io-support.js';

let work: ReturnType<typeof workDirectory>;
let csv: string;
beforeEach(() => {
  work = workDirectory();
  csv = work.file('spend.csv');
  writeFileSync(csv, 'spend,region\n10,US\n30,EU\n60,US\n');
});
afterEach(() => work.cleanup());

describe('loader metadata', () => {
  it('is reported under the loader target, beside the saver entries: path, format, shape, bytes read, time', async () => {
    const out = work.file('share.parquet');
    const { metadata } = await new Driver({}, SpendFeatures).materialize([
      from.csv({ target: 'rows', path: csv }),
      to.parquet({ id: 'saveShare', dependencies: ['spendShare'], path: out }),
    ]);
    expect(Object.keys(metadata)).toEqual(['rows', 'saveShare']);
    expect(metadata.rows).toEqual({ path: csv, format: 'csv', rows: 3, columns: 2, bytes: statSync(csv).size, ms: expect.any(Number) });
    expect(metadata.saveShare).toMatchObject({ path: out, format: 'parquet', rows: 3, columns: 1, bytes: statSync(out).size });
  });

  it('of each tabular format, and of a non-tabular one without a shape', async () => {
    const table = work.file('spend.arrow');
    await new Driver({}, SpendFeatures).materialize(
      [from.csv({ target: 'rows', path: csv }), to.arrow({ id: 'save', dependencies: ['spend'], path: table })],
      {},
    );
    const json = work.file('settings.json');
    writeFileSync(json, '{"scale": 2}');
    class Settings {
      @node()
      scale(settings: { scale: number }): number {
        return settings.scale;
      }
    }
    const arrow = await new Driver({}, SpendFeatures).materialize([from.arrow({ target: 'rows', path: table })], {
      additionalVars: ['spend'],
    });
    expect(arrow.metadata.rows).toMatchObject({ path: table, format: 'arrow', rows: 3, columns: 1, bytes: statSync(table).size });
    const settings = await new Driver({}, Settings).materialize([from.json({ target: 'settings', path: json })], {
      additionalVars: ['scale'],
    });
    expect(settings.metadata.settings).toEqual({ path: json, format: 'json', bytes: 12, ms: expect.any(Number) });
  });

  it('of a registered format, as of the built-in ones', async () => {
    registerFormat({ name: 'words', load: (bytes) => new TextDecoder().decode(bytes).split(' '), tabular: false });
    class Words {
      @node()
      count(words: string[]): number {
        return words.length;
      }
    }
    const path = work.file('words.txt');
    writeFileSync(path, 'one two three');
    const { results, metadata } = await new Driver({}, Words).materialize([from.format('words', { target: 'words', path })], {
      additionalVars: ['count'],
    });
    expect(results.count).toBe(3);
    expect(metadata.words).toEqual({ path, format: 'words', bytes: 13, ms: expect.any(Number) });
  });

  it('is absent for a loader that did not run: no output needs its target, or it is overridden', async () => {
    class Unrelated {
      @node()
      answer(): number {
        return 42;
      }
    }
    const unused = await new Driver({}, Unrelated).materialize([from.csv({ target: 'rows', path: csv })], { additionalVars: ['answer'] });
    expect(unused.metadata).toEqual({});
    const overridden = await new Driver({}, SpendFeatures).materialize([from.csv({ target: 'rows', path: work.file('absent.csv') })], {
      additionalVars: ['spendShare'],
      overrides: { spend: Float64Array.from([1, 3]) },
    });
    expect(overridden.metadata).toEqual({});
    expect(overridden.results.spendShare).toEqual(Float64Array.from([0.25, 0.75]));
  });

  it('of a loader spec made by hand that reports nothing: its format and the time taken', async () => {
    class HandLoader implements LoaderSpec {
      readonly role = 'loader';
      readonly target = 'rows';
      readonly format = 'by-hand';
      readonly options = {};
      readonly doc = 'Rows made by hand.';
      problems(): readonly string[] {
        return [];
      }
      load(): unknown {
        return { column: (_name: string) => Float64Array.from([1, 1]) };
      }
    }
    const { results, metadata } = await new Driver({}, SpendFeatures).materialize([new HandLoader()], { additionalVars: ['spendShare'] });
    expect(results.spendShare).toEqual(Float64Array.from([0.5, 0.5]));
    expect(metadata.rows).toEqual({ format: 'by-hand', ms: expect.any(Number) });
  });

  it('stays out of the loaded value: with the cache, the nodes after a loader still hit, and each run reports its read', async () => {
    const dr = new Builder()
      .withModules(SpendFeatures)
      .withCache({ path: work.file('cache') })
      .build();
    const loaders = [from.csv({ target: 'rows', path: csv })];
    const first = await dr.materialize(loaders, { additionalVars: ['spendShare'] });
    const second = await dr.materialize(loaders, { additionalVars: ['spendShare'] });
    expect(dr.cache.lastRun.nodes.spendShare?.status).toBe('hit');
    expect(first.metadata.rows).toMatchObject({ rows: 3, bytes: statSync(csv).size });
    expect(second.metadata.rows).toMatchObject({ rows: 3, bytes: statSync(csv).size });
    await dr.cache.close();
  });
});
