import 'reflect-metadata';
import { DuckDBInstance } from '@duckdb/node-api';
import { Driver, source } from '@hamilton-ts/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type ColumnTable, table } from 'arquero';
import { from, MaterializerError, to } from '../src/index.js';
import { failure, Passthrough, workDirectory } from './io-support.js';

let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
});
afterEach(() => work.cleanup());

describe('SQL through DuckDB', () => {
  it('writes a table and reads a query back with its column types, and reports both; append adds rows', async () => {
    const database = work.file('warehouse.duckdb');
    const rows = table({ price: Float64Array.from([1.5, 2.5]), units: Int32Array.from([3, 4]), region: ['US', 'EU'] });
    const saved = await new Driver({}, Passthrough).materialize([to.sql({ table: 'sales', dependencies: ['copy'], database })], {
      inputs: { rows },
    });
    expect(saved.metadata.save_sales).toMatchObject({ format: 'sql', table: 'sales', database, rows: 2, columns: 3 });
    await new Driver({}, Passthrough).materialize(
      [to.sql({ id: 'more', table: 'sales', mode: 'append', dependencies: ['copy'], database })],
      {
        inputs: { rows },
      },
    );
    const query = 'select * from sales order by price, region';
    const { results, metadata } = await new Driver({}, Passthrough).materialize([from.sql({ target: 'rows', query, database })], {
      additionalVars: ['copy'],
    });
    expect(metadata.rows).toEqual({ format: 'sql', query, database, rows: 4, columns: 3, ms: expect.any(Number) });
    const back = results.copy as ColumnTable;
    expect(back.column('price')).toEqual(Float64Array.from([1.5, 1.5, 2.5, 2.5]));
    expect(back.column('units')).toEqual(Int32Array.from([3, 3, 4, 4]));
    expect(Array.from(back.column('region') as unknown as ArrayLike<string>)).toEqual(['US', 'US', 'EU', 'EU']);
  });

  it('takes a DuckDB instance from a node through source(...)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const connection = await instance.connect();
      await connection.run('create table t as select 42::INTEGER as answer');
      connection.closeSync();
      const { results } = await new Driver({}, Passthrough).materialize(
        [from.sql({ target: 'rows', query: 'select answer from t', database: source('db') })],
        { additionalVars: ['copy'], inputs: { db: instance } },
      );
      expect((results.copy as ColumnTable).column('answer')).toEqual(Int32Array.from([42]));
    } finally {
      instance.closeSync();
    }
  });

  it("reports a failing query and a bad database with the node and DuckDB's message", async () => {
    const database = work.file('empty.duckdb');
    const error = await failure(
      new Driver({}, Passthrough).materialize([from.sql({ target: 'rows', query: 'select * from missing_table', database })], {
        additionalVars: ['copy'],
      }),
    );
    expect(error).toBeInstanceOf(MaterializerError);
    expect(error.message).toMatch(/^node "rows" \(sql\): the query failed: .*missing_table/);
    const noDatabase = await failure(
      new Driver({}, Passthrough).materialize([from.sql({ target: 'rows', query: 'select 1', database: source('db') })], {
        additionalVars: ['copy'],
        inputs: { db: 42 },
      }),
    );
    expect(noDatabase.message).toMatch(/database is 42; give a DuckDB file path/);
  });
});
