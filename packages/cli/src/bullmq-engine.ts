// Loads the BullMQ engine of @hamilton-ts/adapters on demand: bullmq and ioredis are optional peer
// dependencies of this package, so only the commands that need them should fail without them.
import { CommandError } from './command.js';

export type BullmqEngine = typeof import('@hamilton-ts/adapters/bullmq');

/** The packages the BullMQ engine imports, which an app installs next to @hamilton-ts/cli. */
const PEERS = ['bullmq', 'ioredis'] as const;

/** Imports `@hamilton-ts/adapters/bullmq`; when bullmq or ioredis is missing, a CommandError names them and the npm command that installs them. */
export async function loadBullmqEngine(command: string): Promise<BullmqEngine> {
  try {
    return await import('@hamilton-ts/adapters/bullmq');
  } catch (error) {
    const missing = PEERS.filter((name) => !isResolvable(name));
    if (missing.length === 0) throw error;
    throw new CommandError(
      `${command} needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed; run \`npm install ${missing.join(' ')}\` (optional peer dependencies of @hamilton-ts/cli, used only by this command)`,
    );
  }
}

function isResolvable(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}
