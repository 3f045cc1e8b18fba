import { isTypeScriptUrl } from './module-urls.js';

const imports = new Map<string, Promise<Readonly<Record<string, unknown>>>>();

/**
 * Imports a pipeline module by file URL, once per process (or thread); `.ts` modules go through the
 * project's TypeScript loader, registered on first need. A failure is not cached, so a fixed file loads later.
 * Also the subpath export `@hamilton-ts/adapters/module-loader`, for tools that load pipeline files the
 * way the engines' workers do (the `hamilton-ts` command) without importing the engines.
 *
 * @example
 * const exports = await importModule(pathToFileURL('features.ts').href, (href, reason) => `cannot import ${href}: ${reason}`);
 * const dr = new Driver({}, modulesOfExports(exports));
 */
export function importModule(
  href: string,
  describeFailure: (href: string, reason: string) => string,
): Promise<Readonly<Record<string, unknown>>> {
  let loaded = imports.get(href);
  if (!loaded) {
    loaded = load(href, describeFailure);
    imports.set(href, loaded);
    loaded.catch(() => imports.delete(href));
  }
  return loaded;
}

async function load(href: string, describeFailure: (href: string, reason: string) => string): Promise<Readonly<Record<string, unknown>>> {
  if (isTypeScriptUrl(href)) await registerTypeScript();
  try {
    return (await import(href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(describeFailure(href, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

/** The TypeScript loader, for .ts modules when this code runs compiled (from source it is registered already). */
async function registerTypeScript(): Promise<void> {
  const loader = (await import(new URL('../threads/ts-loader/register.js', import.meta.url).href)) as {
    registerTypeScript(options?: { conditions?: string[] }): boolean;
  };
  loader.registerTypeScript();
}
