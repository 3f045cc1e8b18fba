// A real Postgres server for tests: a fresh cluster in a temp dir, on its own loopback port, stopped
// by `pg_ctl stop -m fast` and then by pid. The stores' tests need the real server's semantics
// (transactions, advisory locks, several processes writing at once), which nothing in memory imitates.
// initdb and postgres refuse to run as root, so as root they run as the `postgres` user (runuser).
import { type ExecFileOptions, execFile } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../../adapters/test/support/free-port.js';

/** A running Postgres cluster started by {@link startPostgresServer}. */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The superuser, trusted without a password on loopback. */
  readonly user: 'app';
  /** `postgres://app@127.0.0.1:PORT/postgres`: the maintenance database. */
  readonly url: string;
  readonly pid: number;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m fast`, then SIGKILL by pid if it is still there; removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'app';
const READY_TIMEOUT_MS = 20_000;
const PORT_ATTEMPTS = 3;
const INSTALL_HINT = 'install it with `apt-get install -y postgresql` (.ci/run does this on CI)';
const run = promisify(execFile);

/** Where the Debian package puts the server binaries: the newest `/usr/lib/postgresql/N/bin`. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Creates a cluster in a temp dir (`initdb -A trust -U app`) and starts it on a free port of
 * 127.0.0.1, its socket in the same temp dir; resolves once it accepts connections. Throws when
 * Postgres is not installed, or when it does not start (with the tail of its log).
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error(`Postgres server binaries were not found under /usr/lib/postgresql; ${INSTALL_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'hamilton-ts-postgres-'));
  const data = join(dir, 'data');
  const asOwner = ownerCommand(dir);
  try {
    await asOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', USER, '--no-sync', '-E', 'UTF8']);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const log = join(dir, `postgres-${port}.log`);
      const options = `-p ${port} -k ${dir} -c listen_addresses=${HOST} -c fsync=off -c max_connections=100`;
      try {
        await asOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', log, '-w', '-t', String(READY_TIMEOUT_MS / 1000), 'start']);
        await waitUntilReady(port);
        return handle(bin, dir, data, port, asOwner);
      } catch (error) {
        await asOwner(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate']).catch(() => undefined);
        const tail = readTail(log);
        if (attempt < PORT_ATTEMPTS && /could not bind|already in use/i.test(tail)) continue;
        throw new Error(`Postgres did not start on port ${port}: ${(error as Error).message}\nits log:\n${tail}`);
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function handle(bin: string, dir: string, data: string, port: number, asOwner: Owner): PostgresServer {
  const url = `postgres://${USER}@${HOST}:${port}/postgres`;
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let stopped: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    user: USER,
    url,
    pid,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return `postgres://${USER}@${HOST}:${port}/${encodeURIComponent(name)}`;
    },
    stop() {
      stopped ??= (async () => {
        await asOwner(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast', '-w', '-t', '10']).catch(() => undefined);
        // pg_ctl returns once the pid file is gone, a moment before the process itself.
        if (!(await exited(pid, 5_000))) {
          signal(pid, 'SIGKILL');
          await exited(pid, 5_000);
        }
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

type Owner = (file: string, args: string[]) => Promise<unknown>;

/** Runs the server's tools as the temp dir's owner: this user, or `postgres` when this is root. */
function ownerCommand(dir: string): Owner {
  const options: ExecFileOptions = { timeout: 60_000 };
  if (userInfo().uid !== 0) return (file, args) => run(file, args, options);
  const { uid, gid } = postgresUser();
  chownSync(dir, uid, gid);
  return async (file, args) => {
    await chmod(dir, 0o700);
    return run('runuser', ['-u', 'postgres', '--', file, ...args], options);
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error(`there is no "postgres" user to run the server as (this process is root); ${INSTALL_HINT}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function waitUntilReady(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ host: HOST, port, user: USER, database: 'postgres' });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4_000);
  } catch {
    return '(no log)';
  }
}

/** Whether a process runs: it exists and is not a zombie (the server is not our child, so another process reaps it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
