import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Driver, GraphBuildError, HamiltonError, node, source } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import { from, MaterializerError, to } from '../src/index.js';
import { failure, Passthrough, workDirectory } from './io-support.js';

let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
});
afterEach(() => work.cleanup());

/** Loads `path` as `format` into `rows`; resolves with the error. */
function loadFailure(format: 'csv' | 'json' | 'arrow' | 'parquet', path: string): Promise<Error> {
  return failure(new Driver({}, Passthrough).materialize([from[format]({ target: 'rows', path })], { additionalVars: ['copy'] }));
}

/** Expects a MaterializerError about `path` and `format` on node `rows`, whose message says `problem`. */
function expectLoadError(error: Error, path: string, format: string, problem: RegExp): void {
  expect(error).toBeInstanceOf(MaterializerError);
  expect(error).toBeInstanceOf(HamiltonError);
  expect(error).toMatchObject({ node: 'rows', format, path });
  expect(error.message).toContain(`node "rows" (${format}, ${path})`);
  expect(error.message).toMatch(problem);
}

describe('a loader that cannot read its file', () => {
  it('names a missing file, where it looked, and the directory paths are relative to', async () => {
    const path = work.file('missing.csv');
    expectLoadError(await loadFailure('csv', path), path, 'csv', /file not found \(looked for .*missing\.csv\).*relative to/);
  });

  it('names a path whose source gives something other than a string', async () => {
    const error = await failure(
      new Driver({}, Passthrough).materialize([from.csv({ target: 'rows', path: source('dataPath') })], {
        additionalVars: ['copy'],
        inputs: { dataPath: 42 },
      }),
    );
    expect(error).toBeInstanceOf(MaterializerError);
    expect(error.message).toBe('node "rows" (csv, 42): the path is 42; the path\'s source must give a string');
  });

  it('names a path that is a directory: unreadable as a file', async () => {
    const path = work.file('folder.csv');
    mkdirSync(path);
    expectLoadError(await loadFailure('csv', path), path, 'csv', /is a directory; give the path of a file/);
  });

  it.each([
    ['a row with a cell too many', 'a,b\n1,2\n3,4,5\n', /malformed CSV: row 3 has 3 cells where the header row has 2/],
    ['a row with a cell too few', 'a,b\n1,2\n3\n', /malformed CSV: row 3 has 1 cells where the header row has 2/],
    ['a quote never closed', 'a,b\n1,"2\n3,4\n', /a quoted cell is never closed/],
    ['an empty file', '  \n', /the file is empty/],
  ])('reports a malformed CSV file: %s', async (_, text, problem) => {
    const path = work.file('bad.csv');
    writeFileSync(path, text);
    const error = await loadFailure('csv', path);
    expectLoadError(error, path, 'csv', /cannot be read as csv/);
    expect(error.message).toMatch(problem);
  });

  it('reports bytes that are not UTF-8 text as a CSV file that cannot be read', async () => {
    const path = work.file('binary.csv');
    writeFileSync(path, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
    expectLoadError(
      await loadFailure('csv', path),
      path,
      'csv',
      /cannot be read as csv: the file is not valid UTF-8 text; convert it to UTF-8/,
    );
  });

  it('reports a truncated, a garbled and a non-Parquet file as malformed Parquet', async () => {
    const path = work.file('good.parquet');
    await new Driver({}, Passthrough).materialize([to.parquet({ id: 's', dependencies: ['copy'], path })], {
      inputs: { rows: table({ x: Float64Array.from({ length: 1000 }, (_, i) => i) }) },
    });
    const bytes = readFileSync(path);
    const variants = {
      'truncated.parquet': bytes.subarray(0, bytes.length >> 1),
      'garbled.parquet': Buffer.concat([bytes.subarray(0, 8), Buffer.alloc(bytes.length - 16, 0x5a), bytes.subarray(bytes.length - 8)]),
      'text.parquet': Buffer.from('x,y\n1,2\n'),
    };
    for (const [name, content] of Object.entries(variants)) {
      const bad = work.file(name);
      writeFileSync(bad, content);
      expectLoadError(await loadFailure('parquet', bad), bad, 'parquet', /cannot be read as parquet: malformed Parquet/);
    }
  });

  it('reports a malformed JSON or Arrow file', async () => {
    const json = work.file('bad.json');
    writeFileSync(json, '{"a": [1, 2');
    expectLoadError(await loadFailure('json', json), json, 'json', /malformed JSON/);
    const arrow = work.file('bad.arrow');
    writeFileSync(arrow, 'not arrow at all');
    expectLoadError(await loadFailure('arrow', arrow), arrow, 'arrow', /cannot be read as arrow/);
  });
});

describe('graph build problems of loaders and savers', () => {
  it('an unknown format is a GraphBuildError naming the format, the node, the path and the known formats', async () => {
    const error = await failure(
      new Driver({}, Passthrough).materialize([from.format('xlsx', { target: 'rows', path: 'in.xlsx' })], { additionalVars: ['copy'] }),
    );
    expect(error).toBeInstanceOf(GraphBuildError);
    expect(error.message).toContain(
      'materializer #0 (from.xlsx, node "rows"): in.xlsx: unknown format "xlsx"; the formats are csv, json, arrow, parquet',
    );
    expect(error.message).toContain('registerFormat');
  });

  it('reports every problem at once: a missing path, a misspelt option, empty dependencies, a bad combine, a clash with a node', async () => {
    const error = await failure(
      new Driver({}, Passthrough).materialize(
        [
          from.csv({ target: 'rows' } as never),
          from.csv({ target: 'other', path: 'x.csv', delimeter: ';' } as never),
          to.csv({ id: 'save', dependencies: [], path: 'out.csv' }),
          to.json({ id: 'save2', dependencies: ['copy'], path: 'o.json', combine: {} as never }),
          from.csv({ target: 'copy', path: 'x.csv' }),
        ],
        { additionalVars: ['copy'] },
      ),
    );
    expect(error).toBeInstanceOf(GraphBuildError);
    const messages = (error as GraphBuildError).problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/from\.csv, node "rows"\): path is missing; give a non-empty string/),
        expect.stringMatching(/csv has no option "delimeter"; its options are .*delimiter/),
        expect.stringMatching(/to\.csv, node "save"\): dependencies is \[\]; give the names of the nodes to save/),
        expect.stringMatching(/combine is an object \(Object\); give a result builder/),
        expect.stringMatching(/target "copy" is computed by the modules; a loader feeds an input/),
      ]),
    );
  });

  it('refuses a list that is not materializers, with what to give instead', async () => {
    const dr = new Driver({}, Passthrough);
    const loose = dr as any;
    await expect(loose.materialize('in.csv')).rejects.toThrow(/materializers is "in\.csv"; give an array of loaders and savers/);
    await expect(loose.materialize([{ path: 'in.csv' }])).rejects.toThrow(
      /materializers\[0\] is .* not a loader or saver; make one with from/,
    );
    await expect(loose.materialize([], { additionalVars: 'copy' })).rejects.toThrow(
      /additionalVars is "copy"; give an array of node names/,
    );
  });
});

describe('a saver given a value it cannot write', () => {
  class Model {
    weights = [1, 2];
  }
  class Values {
    @node() model(): Model {
      return new Model();
    }
    @node() fn(): () => number {
      return () => 1;
    }
    @node() amounts(): Float64Array {
      return Float64Array.from([1, 2]);
    }
  }

  it('names the column that holds objects, for CSV, and leaves the target as it was', async () => {
    const path = work.file('out.csv');
    writeFileSync(path, 'old content\n');
    const error = await failure(new Driver({}, Values).materialize([to.csv({ id: 'save', dependencies: ['model'], path })]));
    expect(error).toBeInstanceOf(MaterializerError);
    expect(error.message).toContain(`node "save" (csv, ${path}): cannot be written as csv: csv cannot write column "model"`);
    expect(readFileSync(path, 'utf8')).toBe('old content\n');
    expect(work.leftovers()).toEqual([]);
  });

  it('refuses a function in JSON, and a value that is not a table in Parquet', async () => {
    const json = work.file('out.json');
    const jsonError = await failure(new Driver({}, Values).materialize([to.json({ id: 'save', dependencies: ['fn'], path: json })]));
    expect(jsonError.message).toMatch(/node "save" \(json, .*out\.json\): cannot be written as json: json cannot write a function/);
    const parquet = work.file('out.parquet');
    const parquetError = await failure(
      new Driver({}, Values).materialize([to.parquet({ id: 'save', dependencies: ['amounts'], path: parquet, combine: new DictResult() })]),
    );
    expect(parquetError.message).toMatch(/parquet writes arquero tables, and was given an object \(Object\)/);
  });

  it('reports a target it may not write: a path below a file', async () => {
    writeFileSync(work.file('plain'), 'x');
    const path = work.file('plain/out.csv');
    const error = await failure(new Driver({}, Values).materialize([to.csv({ id: 'save', dependencies: ['amounts'], path })]));
    expect(error).toBeInstanceOf(MaterializerError);
    expect(error.message).toMatch(
      /node "save" \(csv, .*plain\/out\.csv\): a parent of .*plain\/out\.csv is a file, not a directory; give another path$/,
    );
  });
});
