import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsageError } from '../command.js';
import { readJsonObject } from './json-option.js';

const OPTION = { flag: '--inputs', example: '{"spend": [1]}' };

describe('readJsonObject', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'hamilton-ts-json-option-'));
    await writeFile(join(cwd, 'inputs.json'), '{"spend": [1, 2]}');
    await writeFile(join(cwd, 'broken.json'), '{\n  "spend": [1, 2],\n  signups: [3]\n}\n');
    await mkdir(join(cwd, 'folder'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('reads inline JSON and files relative to cwd; nothing when the option is absent', async () => {
    expect(await readJsonObject(' {"region": "EU"}', OPTION, cwd)).toEqual({ region: 'EU' });
    expect(await readJsonObject('inputs.json', OPTION, cwd)).toEqual({ spend: [1, 2] });
    expect(await readJsonObject(undefined, OPTION, cwd)).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    [
      'bad inline JSON',
      '{"spend": [1, 2,]}',
      /^--inputs "\{\\"spend\\": \[1, 2,\]\}" is not valid JSON: Unexpected token '\]' at position 16 \(line 1, column 17\); give a JSON object of names to values, e\.g\. --inputs '\{"spend": \[1\]\}', or the path of a \.json file/,
    ],
    [
      'bad JSON in a file',
      'broken.json',
      /^--inputs file "broken\.json" is not valid JSON: Expected double-quoted property name at position 23 \(line 3, column 3\)/,
    ],
    ['a JSON array', '[1, 2]', /^--inputs "\[1, 2\]" is an array, not a JSON object; give a JSON object/],
    [
      'a file that does not exist',
      'inputs.jsn',
      /^--inputs "inputs\.jsn" is neither inline JSON \(which starts with "\{"\) nor an existing file \(looked for .*inputs\.jsn\)/,
    ],
    ['a directory', 'folder', /^--inputs "folder" is a directory/],
  ])('turns away %s with a UsageError saying what to give', async (_case, value, message) => {
    const error = await readJsonObject(value, OPTION, cwd).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it('cuts a long inline value in the message', async () => {
    const value = `{"spend": [${Array.from({ length: 100 }, (_, i) => i).join(', ')}`;
    const error = (await readJsonObject(value, OPTION, cwd).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^--inputs "\{\\"spend\\": \[0, 1, 2, [^"]{30,60}…" is not valid JSON: .* at position 399 \(line 1, column 400\)/,
    );
  });
});
