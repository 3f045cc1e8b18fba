// ESM loader hooks that run TypeScript with tsc's own emit, so decorator metadata (`design:*`), which
// the graph builder reads and esbuild-based runners drop, is present. `./x.js` imported from a .ts file
// resolves to `./x.ts` when that file exists; .ts and .mts files are transpiled with the nearest
// tsconfig.json, and what is emitted is kept on disk (transpile-cache.js). Registered through register.js.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranspileCache } from './transpile-cache.js';

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

const cache = createTranspileCache({ emitter: readFileSync(fileURLToPath(import.meta.url), 'utf8') });

export async function load(url, context, nextLoad) {
  if (!isTypeScriptUrl(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  const configPath = nearestConfig(dirname(path));
  let output = cache.read(path, source, configPath);
  if (output === undefined) {
    const ts = typescript(path);
    const { options, configFiles } = compilerOptionsFor(ts, dirname(path), configPath);
    output = ts.transpileModule(source, { compilerOptions: options, fileName: path }).outputText;
    cache.write(path, source, configFiles, output);
  }
  return { format: 'module', source: output, shortCircuit: true };
}

let typescriptModule;

/**
 * The `typescript` package, loaded on the first .ts file, with a clear error when it is not installed.
 * Required, not imported: `import()` of its 9 MB CommonJS file also runs Node's ESM-syntax detection and
 * named-export lexer over it, which tripled the time to load it (0.3 s -> 0.8 s at every start).
 */
function typescript(path) {
  typescriptModule ??= (() => {
    try {
      return { ts: createRequire(import.meta.url)('typescript') };
    } catch (error) {
      return { error };
    }
  })();
  const { ts, error } = typescriptModule;
  if (ts) return ts;
  throw new Error(
    `cannot load ${path}: TypeScript modules need the package "typescript" (an optional peer dependency of ` +
      `@hamilton-ts/adapters), which cannot be imported (${error?.message.split('\n')[0]}); install it (npm install --save-dev typescript), ` +
      'or point the modules at compiled .js files',
  );
}

/** The nearest tsconfig.json up from a directory (as ts.findConfigFile finds it), by directory. */
const configByDirectory = new Map();

function nearestConfig(directory) {
  if (configByDirectory.has(directory)) return configByDirectory.get(directory);
  const candidate = join(directory, 'tsconfig.json');
  const parent = dirname(directory);
  const found = existsSync(candidate) ? candidate : parent === directory ? undefined : nearestConfig(parent);
  configByDirectory.set(directory, found);
  return found;
}

/**
 * Compiler options by directory: the nearest tsconfig.json's, emitting ES modules with inline source
 * maps; `configFiles` are that tsconfig.json and the files it extends, which the cache keys on.
 */
const optionsByDirectory = new Map();

function compilerOptionsFor(ts, directory, configPath) {
  let compiled = optionsByDirectory.get(directory);
  if (!compiled) {
    const project = projectOptions(ts, configPath);
    compiled = { options: { ...project.options, ...EMIT(ts) }, configFiles: project.configFiles };
    optionsByDirectory.set(directory, compiled);
  }
  return compiled;
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

function projectOptions(ts, configPath) {
  // Without a tsconfig.json, what hamilton-ts needs: legacy decorators with their metadata.
  if (!configPath)
    return { options: { target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true }, configFiles: [] };
  const configFile = ts.readJsonConfigFile(configPath, ts.sys.readFile);
  // readDirectory answers nothing: only the options are wanted, not the project's file list.
  const host = { ...ts.sys, readDirectory: () => [] };
  const { options } = ts.parseJsonSourceFileConfigFileContent(configFile, host, dirname(configPath), undefined, configPath);
  return { options, configFiles: [configPath, ...(configFile.extendedSourceFiles ?? [])] };
}
