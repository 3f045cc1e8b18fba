// Every user-facing text of the worker-threads engine, in one place, so wording stays consistent.
import { showValue } from '../remote/show-value.js';

const ADAPTER = 'WorkerThreadsGraphAdapter';
const EXAMPLE = "{ modules: [new URL('./features.ts', import.meta.url)] }";
const option = (owner: string, name: string, value: unknown, expected: string): string =>
  `${owner}: option "${name}" is ${showValue(value)}; ${expected}`;

export const messages = {
  notAnOptionsObject: (owner: string, value: unknown, example: string) =>
    `${owner}: options are ${showValue(value)}; pass an object of options, e.g. new ${owner}(${example})`,
  unknownOption: (owner: string, key: string, known: readonly string[]) =>
    `${owner}: there is no option "${key}"; the options are ${known.join(', ')}`,
  noModules: (value: unknown) =>
    option(
      ADAPTER,
      'modules',
      value,
      `list the URLs (or paths) of the pipeline modules whose nodes run in threads, e.g. ${EXAMPLE.slice(2, -2)}`,
    ),
  badModule: (index: number, value: unknown) =>
    `${ADAPTER}: option "modules" has ${showValue(value)} at index ${index}; give a file URL (new URL('./features.ts', import.meta.url)), ` +
    "a file: URL string or a file path of a module that exports the pipeline's classes",
  missingModule: (index: number, url: string) =>
    `${ADAPTER}: option "modules" names ${url} at index ${index}, which does not exist; give the URL of the pipeline module, ` +
    "e.g. new URL('./features.ts', import.meta.url)",
  badMaxThreads: (owner: string, value: unknown) =>
    option(owner, 'maxThreads', value, 'give a whole number of at least 1 (the default is os.availableParallelism())'),
  poolAndMaxThreads: (maxThreads: unknown, poolThreads: number) =>
    `${ADAPTER}: options "maxThreads" (${showValue(maxThreads)}) and "pool" (a ThreadPool of ${poolThreads} threads) are both given; ` +
    'the pool decides how many threads run: pass maxThreads to new ThreadPool({ maxThreads }) and leave it out here',
  badNodes: (value: unknown) =>
    option(
      ADAPTER,
      'nodes',
      value,
      "give node names (['features', 'score']) or a tag filter ({ compute: 'cpu' }), or leave it out to send every node to threads",
    ),
  badTagFilter: (key: string, value: unknown) =>
    `${ADAPTER}: option "nodes" filters tag "${key}" by ${showValue(value)}; a tag filter value is a string, an array of strings, ` +
    'or null (the node has the tag)',
  badPool: (value: unknown) =>
    option(ADAPTER, 'pool', value, 'give a ThreadPool (new ThreadPool({ maxThreads })) to share, or leave it out'),
  typescriptMissing: (url: string) =>
    `${ADAPTER}: the module ${url} is TypeScript, which worker threads load with the package "typescript" (an optional peer ` +
    'dependency of @hamilton-ts/adapters), and it is not installed; install it (npm install --save-dev typescript), ' +
    'or point the modules at compiled .js files',
} as const;
