// Loads @hamilton-ts/ui on demand: it is an optional peer of this package (a web server, SQLite and
// Postgres clients), so only `hamilton-ts ui` needs it, and only it should fail without it.
import { CommandError } from './command.js';

export type UiPackage = typeof import('@hamilton-ts/ui');

const PACKAGE = '@hamilton-ts/ui';

/** Imports @hamilton-ts/ui; when it is not installed, a CommandError says which npm command installs it. */
export async function loadUiPackage(command: string): Promise<UiPackage> {
  try {
    return await import('@hamilton-ts/ui');
  } catch (error) {
    if (isResolvable(PACKAGE)) throw error;
    throw new CommandError(
      `${command} needs ${PACKAGE}, which is not installed; run \`npm install ${PACKAGE}\` (an optional peer dependency of @hamilton-ts/cli, used only by this command)`,
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
