import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Driver, GraphBuildError, HamiltonError, node, SourceBinding } from '@hamilton-ts/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { formatNames, from, MaterializerError, materializersFromSpec, registerFormat, to } from '../src/index.js';
import { failure, workDirectory } from './io-support.js';

class Lines {
  @node()
  shout(lines: string[]): string[] {
    return lines.map((line) => line.toUpperCase());
  }
}

let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
});
afterEach(() => work.cleanup());

describe('registerFormat', () => {
  registerFormat({
    name: 'lines',
    load: (bytes) => new TextDecoder().decode(bytes).split('\n'),
    save: (value) => (value as string[]).join('\n'),
    tabular: false,
    options: [],
  });

  it('adds a format that loaders, savers and their metadata use like the built-in ones', async () => {
    const path = work.file('in.txt');
    await new Driver({}, Lines).materialize([to.format('lines', { id: 'save', dependencies: ['shout'], path })], {
      inputs: { lines: ['a', 'b'] },
    });
    expect(readFileSync(path, 'utf8')).toBe('A\nB');
    const { results } = await new Driver({}, Lines).materialize([from.format('lines', { target: 'lines', path })], {
      additionalVars: ['shout'],
    });
    expect(results.shout).toEqual(['A', 'B']);
    expect(formatNames()).toEqual(expect.arrayContaining(['csv', 'json', 'arrow', 'parquet', 'lines']));
  });

  it('wraps what a format throws in a MaterializerError naming the node, the format and the path', async () => {
    registerFormat({
      name: 'broken',
      load: () => {
        throw new Error('bad magic number');
      },
    });
    const path = work.file('in.txt');
    await new Driver({}, Lines).materialize([to.format('lines', { id: 's', dependencies: ['shout'], path })], { inputs: { lines: ['x'] } });
    const error = await failure(
      new Driver({}, Lines).materialize([from.format('broken', { target: 'lines', path })], { additionalVars: ['shout'] }),
    );
    expect(error).toBeInstanceOf(MaterializerError);
    expect(error.message).toBe(`node "lines" (broken, ${path}): cannot be read as broken: bad magic number`);
    expect((error.cause as Error).message).toBe('bad magic number');
  });

  it('refuses a format that cannot be used, saying why', () => {
    const loose = registerFormat as (format: any) => void;
    expect(() => loose({ name: '1x', load: () => 1 })).toThrow(/name "1x" is not a format name/);
    expect(() => loose({ name: 'nothing' })).toThrow(/has neither load nor save/);
    expect(() => loose({ name: 'sql', load: () => 1 })).toThrow(/belongs to from\.sql/);
    expect(() => loose({ name: 'x', load: 'no' })).toThrow(HamiltonError);
  });

  it('a format without save cannot be a saver: a build problem', async () => {
    registerFormat({ name: 'readonly', load: () => [] });
    const error = await failure(
      new Driver({}, Lines).materialize([to.format('readonly', { id: 's', dependencies: ['shout'], path: 'x' })], {
        inputs: { lines: [] },
      }),
    );
    expect(error).toBeInstanceOf(GraphBuildError);
    expect(error.message).toContain('the format "readonly" cannot save');
  });
});

describe('materializersFromSpec', () => {
  it('reads loaders and savers, with { source } and { value } options', () => {
    const [loader, saver, sql] = materializersFromSpec([
      { from: 'csv', target: 'rows', path: { source: 'dataPath' }, delimiter: ';' },
      { to: 'parquet', id: 'save', dependencies: ['a'], path: { value: 'out.parquet' } },
      { to: 'sql', table: 'scores', dependencies: ['a'], database: 'w.duckdb' },
    ]);
    expect(loader).toMatchObject({ role: 'loader', target: 'rows', format: 'csv', options: { delimiter: ';' } });
    expect(loader.options.path).toBeInstanceOf(SourceBinding);
    expect(saver).toMatchObject({ role: 'saver', id: 'save', format: 'parquet', dependencies: ['a'] });
    expect(sql).toMatchObject({ role: 'saver', id: 'save_scores', format: 'sql' });
  });

  it('says what is wrong with a spec', () => {
    expect(() => materializersFromSpec({ from: 'csv' })).toThrow(/a JSON list of loaders and savers/);
    expect(() => materializersFromSpec([{ target: 'rows' }])).toThrow(/materializer #0 needs exactly one of "from"/);
    expect(() => materializersFromSpec([{ from: 'csv', to: 'csv' }])).toThrow(/exactly one of/);
    expect(() => materializersFromSpec([{ from: 3 }])).toThrow(/the format is 3/);
    expect(() => materializersFromSpec(['x'])).toThrow(/materializer #0 is "x"/);
  });
});
