// ESM loader hooks: resolve `./x.js` to `./x.ts` when only the source exists, and transpile .ts files
// with the project's tsconfig (same emit as ts-jest, so `design:*` metadata is present).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const rootConfig = new URL('../tsconfig.base.json', import.meta.url);
const { config } = ts.readConfigFile(fileURLToPath(rootConfig), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, fileURLToPath(new URL('..', rootConfig)));
const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, sourceMap: false, inlineSourceMap: true, declaration: false };

export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') && /^\.{1,2}\//.test(specifier)) {
    const tsUrl = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(tsUrl)) return nextResolve(tsUrl.href, context);
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions, fileName: path });
  return { format: 'module', source: outputText, shortCircuit: true };
}
