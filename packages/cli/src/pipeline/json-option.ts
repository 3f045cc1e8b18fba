// --config and --inputs: a JSON object given inline or as the path of a file holding one.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../command.js';
import { jsonErrorPosition, jsonErrorReason, lineAndColumn } from './json-position.js';

/** How an option that takes JSON is described in messages, with an example value. */
export interface JsonOption {
  readonly flag: string;
  readonly example: string;
}

/**
 * The object an option gives (undefined when the option is absent). A value starting with `{` or `[`
 * is inline JSON; anything else is a file path, relative to `cwd`. Every failure is a UsageError naming
 * the option, the value or file, and for bad JSON the line and column.
 */
export async function readJsonObject(
  value: string | undefined,
  option: JsonOption,
  cwd: string,
): Promise<Record<string, unknown> | undefined> {
  return (await readJsonOption(value, option, cwd, 'object')) as Record<string, unknown> | undefined;
}

/** As `readJsonObject`, for an option whose JSON is a list (`--materialize`). */
export async function readJsonList(value: string | undefined, option: JsonOption, cwd: string): Promise<unknown[] | undefined> {
  return (await readJsonOption(value, option, cwd, 'list')) as unknown[] | undefined;
}

async function readJsonOption(value: string | undefined, option: JsonOption, cwd: string, shape: 'object' | 'list'): Promise<unknown> {
  if (value === undefined) return undefined;
  const inline = /^\s*[{[]/.test(value);
  const source = inline ? { text: value, described: `${option.flag} ${shorten(value)}` } : await readJsonFile(value, option, cwd);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = jsonErrorPosition(source.text, message);
    const { line, column } = lineAndColumn(source.text, position);
    throw new UsageError(
      `${source.described} is not valid JSON: ${jsonErrorReason(message)} at position ${position} (line ${line}, column ${column}); ${giveInstead(option)}`,
    );
  }
  if (shape === 'list' ? !Array.isArray(parsed) : parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`${source.described} is ${kindOf(parsed)}, not a JSON ${shape}; ${giveInstead(option)}`);
  return parsed;
}

async function readJsonFile(path: string, option: JsonOption, cwd: string): Promise<{ text: string; described: string }> {
  const absolute = resolve(cwd, path);
  try {
    return { text: await readFile(absolute, 'utf8'), described: `${option.flag} file ${JSON.stringify(path)}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? `is neither inline JSON (which starts with "{") nor an existing file (looked for ${absolute})`
        : code === 'EISDIR'
          ? `is a directory (${absolute})`
          : `cannot be read (${(error as Error).message})`;
    throw new UsageError(`${option.flag} ${JSON.stringify(path)} ${problem}; ${giveInstead(option)}`);
  }
}

function giveInstead(option: JsonOption): string {
  const what = option.example.startsWith('[') ? 'a JSON list' : 'a JSON object of names to values';
  return `give ${what}, e.g. ${option.flag} '${option.example}', or the path of a .json file holding one`;
}

/** The value as typed, cut so a long inline document does not flood the message. */
function shorten(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
