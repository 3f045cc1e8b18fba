// Run by the consumer test after `typescript` is uninstalled from the app: a worker-threads engine
// given a .ts module must say, when it is built, which package to install.
import { WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { HamiltonError } from '@hamilton-ts/core';

const tsModule = new URL('../features.ts', import.meta.url);
try {
  new WorkerThreadsGraphAdapter({ modules: [tsModule] });
  throw new Error('consumer check failed: a .ts module without typescript installed must be refused');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof HamiltonError) || !message.includes('npm install --save-dev typescript') || !message.includes(tsModule.href))
    throw new Error(`consumer check failed: unclear error without typescript: ${message}`);
}
console.log('consumer app without typescript: a .ts module is refused with what to install');
