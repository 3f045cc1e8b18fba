// Registers scripts/ts-loader.js so `node --import ./scripts/register-ts.js file.ts` runs TypeScript.
// esbuild-based runners drop decorator metadata, which the graph builder reads; this uses tsc's own emit.
import { register } from 'node:module';

register('./ts-loader.js', import.meta.url);
