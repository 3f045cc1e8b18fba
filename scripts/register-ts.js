// `node --import ./scripts/register-ts.js file.ts` runs the project's TypeScript with the loader of
// @hamilton-ts/adapters (tsc's own emit: esbuild-based runners drop the decorator metadata the graph
// builder reads), resolving the @hamilton-ts/* packages to their src like the tests do.
import { registerTypeScript } from '../packages/adapters/src/threads/ts-loader/register.js';

registerTypeScript({ conditions: ['@hamilton-ts/source'] });
