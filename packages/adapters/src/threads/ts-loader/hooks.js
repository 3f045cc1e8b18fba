// ESM loader hooks that run TypeScript with tsc's own emit, so decorator metadata (`design:*`), which
// the graph builder reads and esbuild-based runners drop, is present. `./x.js` imported from a .ts file
// resolves to `./x.ts` when that file exists; .ts and .mts files are transpiled with the nearest
// tsconfig.json. Registered through register.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Resolve conditions added to every import (e.g. `@hamilton-ts/source` to load the project's packages from source). */
let extraConditions = [];

/** @param {{ conditions?: string[] } | undefined} data */
export function initialize(data) {
  extraConditions = data?.conditions ?? [];
}

/** True for file URLs of TypeScript modules; a `?query` or `#hash` does not count. */
function isTypeScriptUrl(url) {
  return url.startsWith('file:') && /\.m?ts$/.test(new URL(url).pathname);
}

export async function resolve(specifier, context, nextResolve) {
  const missing = extraConditions.filter((c) => !context.conditions.includes(c));
  const next = missing.length ? { ...context, conditions: [...context.conditions, ...missing] } : context;
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL && isTypeScriptUrl(context.parentURL)) {
    const tsUrl = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(tsUrl)) return nextResolve(tsUrl.href, next);
  }
  return nextResolve(specifier, next);
}

export async function load(url, context, nextLoad) {
  if (!isTypeScriptUrl(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const ts = await typescript(path);
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: compilerOptionsFor(ts, path), fileName: path });
  return { format: 'module', source: outputText, shortCircuit: true };
}

let typescriptModule;

/** The `typescript` package, imported on the first .ts file, with a clear error when it is not installed. */
async function typescript(path) {
  typescriptModule ??= import('typescript').then(
    (m) => ({ ts: m.default ?? m }),
    (error) => ({ error }),
  );
  const { ts, error } = await typescriptModule;
  if (ts) return ts;
  throw new Error(
    `cannot load ${path}: TypeScript modules need the package "typescript" (an optional peer dependency of ` +
      `@hamilton-ts/adapters), which cannot be imported (${error?.message}); install it (npm install --save-dev typescript), ` +
      'or point the modules at compiled .js files',
  );
}

/** Compiler options by directory: the nearest tsconfig.json's, emitting ES modules with inline source maps. */
const optionsByDirectory = new Map();

function compilerOptionsFor(ts, path) {
  const directory = dirname(path);
  let options = optionsByDirectory.get(directory);
  if (!options) {
    options = { ...projectOptions(ts, directory), ...EMIT(ts) };
    optionsByDirectory.set(directory, options);
  }
  return options;
}

const EMIT = (ts) => ({
  module: ts.ModuleKind.ESNext,
  sourceMap: false,
  inlineSourceMap: true,
  declaration: false,
  declarationMap: false,
  composite: false,
  noEmit: false,
  emitDeclarationOnly: false,
});

function projectOptions(ts, directory) {
  const configPath = ts.findConfigFile(directory, ts.sys.fileExists);
  // Without a tsconfig.json, what hamilton-ts needs: legacy decorators with their metadata.
  if (!configPath) return { target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true };
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  // readDirectory answers nothing: only the options are wanted, not the project's file list.
  const host = { ...ts.sys, readDirectory: () => [] };
  return ts.parseJsonConfigFileContent(config ?? {}, host, dirname(configPath), undefined, configPath).options;
}
