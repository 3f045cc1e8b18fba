// A real redis-server for tests: its own loopback port and temp dir, nothing written to disk, stopped by
// pid. Tests of the BullMQ engine need the real server's semantics (locks, blocking pops, a process that
// can die), which an in-memory fake would only imitate.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

/** A running redis-server started by {@link startRedisServer}. */
export interface RedisServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `redis://127.0.0.1:PORT`, what a client or `hamilton-ts worker --redis` takes. */
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, then SIGKILL if it has not exited after a few seconds; removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would; removes its temp dir. Safe to call twice. */
  kill(): Promise<void>;
}

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const PING_TIMEOUT_MS = 1_000;
/** The free port can be taken between asking the OS and redis-server binding it; starting again on another port fixes that. */
const PORT_ATTEMPTS = 3;
const INSTALL_HINT = 'install it with `apt-get install -y redis-server` (.ci/run does this on CI)';

/**
 * Starts redis-server on a free port of 127.0.0.1 and resolves once it answers PING.
 * Throws if redis-server is not on PATH, or if it exits or stays silent before answering.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = findOnPath('redis-server');
  if (binary === undefined) throw new Error(`redis-server was not found on PATH (${process.env.PATH ?? ''}); ${INSTALL_HINT}`);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'hamilton-ts-redis-'));
    const server = launch(binary, port, dir);
    try {
      await server.ready;
      return server.handle;
    } catch (error) {
      await server.handle.kill();
      if (attempt < PORT_ATTEMPTS && /Address already in use/i.test(server.output())) continue;
      throw error;
    }
  }
}

/**
 * Sends PING over a raw TCP socket and resolves with the first reply line (`+PONG` from a ready server,
 * `-LOADING ...` from one still loading). Rejects if nothing listens or nothing answers within a second.
 */
export function pingRedis(port: number, host: string = HOST): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (error: Error | undefined, line?: string) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(line!);
    };
    socket.setTimeout(PING_TIMEOUT_MS, () => finish(new Error(`no reply to PING from ${host}:${port} within ${PING_TIMEOUT_MS} ms`)));
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      const end = reply.indexOf('\r\n');
      if (end >= 0) finish(undefined, reply.slice(0, end));
    });
    socket.on('end', () =>
      finish(new Error(`${host}:${port} closed the connection without answering PING (got ${JSON.stringify(reply)})`)),
    );
  });
}

function launch(binary: string, port: number, dir: string) {
  const args = ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = keepTail(child);
  // 'error' instead of 'exit' when the binary could not be run at all; either way it is gone.
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const isGone = () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;

  const describeExit = () =>
    spawnError
      ? `could not run ${binary}: ${spawnError.message}`
      : `redis-server exited (code ${child.exitCode}, signal ${child.signalCode}) before answering PING on port ${port}; its output:\n${output()}`;

  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (isGone()) throw new Error(describeExit());
      if ((await pingRedis(port).catch(() => undefined)) === '+PONG') return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS} ms; its output:\n${output()}`);
  })();

  const terminate = async (signal: NodeJS.Signals, timeoutMs: number) => {
    if (!isGone()) {
      signalPid(child, signal);
      // The timer is cancelled once it exits, so a stopped server leaves nothing to keep jest running.
      const cancelTimer = new AbortController();
      const timedOut = await Promise.race([
        exited.then(() => false),
        sleep(timeoutMs, true, { signal: cancelTimer.signal }).catch(() => false),
      ]);
      cancelTimer.abort();
      if (timedOut) {
        signalPid(child, 'SIGKILL');
        await exited;
      }
    }
    await rm(dir, { recursive: true, force: true });
  };

  const handle: RedisServer = {
    host: HOST,
    port,
    url: `redis://${HOST}:${port}`,
    pid: child.pid ?? -1,
    stop: () => terminate('SIGTERM', STOP_TIMEOUT_MS),
    kill: () => terminate('SIGKILL', STOP_TIMEOUT_MS),
  };
  return { handle, ready, output };
}

function signalPid(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(child.pid!, signal);
  } catch (error) {
    // ESRCH: it exited between the check and the signal, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** The last few KB of the server's stdout and stderr, for error messages when it fails to start. */
function keepTail(child: ChildProcess): () => string {
  const limit = 8_192;
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-limit);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
