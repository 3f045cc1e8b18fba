// The README's "Dynamic execution" snippet, run against the public API.
import 'reflect-metadata';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AsyncDriver, collect, Driver, node, parallelizable } from '@hamilton-ts/core';
import { expect, test } from '@jest/globals';

class Sizes {
  @node() @parallelizable(String) path(paths: string[]): string[] {
    return paths;
  }

  @node() async bytes(path: string): Promise<number> {
    return (await stat(path)).size;
  }

  @node() @collect('bytes', Number) totalBytes(bytes: number[]): number {
    return bytes.reduce((a, b) => a + b, 0);
  }
}

test('parallelizable over paths, collected into one total, on AsyncDriver and Driver', async () => {
  const paths = ['tv.csv', 'search.csv', 'social.csv'].map((f) => fileURLToPath(new URL(`../parallel-files/data/${f}`, import.meta.url)));
  const expected = (await Promise.all(paths.map((p) => stat(p)))).reduce((a, s) => a + s.size, 0);
  const { totalBytes } = await new AsyncDriver({}, Sizes).rawExecute(['totalBytes'], { inputs: { paths } });
  expect(totalBytes).toBe(expected);
  expect((await new Driver({}, Sizes).rawExecute(['totalBytes'], { inputs: { paths: [] } })).totalBytes).toBe(0);
});
