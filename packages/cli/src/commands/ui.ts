// `hamilton-ts ui`: serves the page of the runs a TrackingAdapter recorded, until SIGINT or SIGTERM.
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsageError, redactUrl } from '../arguments.js';
import { type Command, type CommandContext, CommandError, UsageError } from '../command.js';
import { firstShutdownSignal } from '../shutdown-signal.js';
import { loadUiPackage } from '../ui-package.js';
import { PROGRAM } from '../usage.js';

const NAME = 'ui';
const PREFIX = `${PROGRAM} ${NAME}`;
// Repeated from @hamilton-ts/ui (DEFAULT_STORE_URL, DEFAULT_HOST, DEFAULT_PORT): --help must not load that package, which may be absent.
const DEFAULT_STORE = 'sqlite:.hamilton/runs.db';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8241;

/** `hamilton-ts ui [--store URL] [--host 127.0.0.1] [--port 8241] [--token T]` */
export const uiCommand: Command = {
  name: NAME,
  summary: 'Serve the web page of tracked runs: statuses, timings, errors and value summaries',
  synopsis: `${NAME} [--store URL] [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}] [--token T]`,
  help: `Serves a web page of the runs that a TrackingAdapter (@hamilton-ts/ui) recorded in the store, and
their JSON API (GET /api/runs, GET /api/runs/ID), until stopped by SIGINT (Ctrl-C) or SIGTERM.

Options:
  --store URL     Where the runs are (default ${DEFAULT_STORE}): sqlite:PATH, relative to the
                  current directory, or postgres://USER@HOST:5432/DB for a team's store
  --host HOST     Address to listen on (default ${DEFAULT_HOST}: this machine only). Any other
                  address needs --token
  --port N        Port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --token T       Require "Authorization: Bearer T" on every API request; the page takes it once
                  from the address printed at start (…/?token=T). At least 16 characters
  -h, --help      Show this help

Needs the package @hamilton-ts/ui.

Examples:
  ${PROGRAM} ui
  ${PROGRAM} ui --store postgres://runs@db.internal/hamilton --host 0.0.0.0 --token "$(openssl rand -hex 24)"`,
  run: runUi,
};

async function runUi(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseUiArguments(args, context.cwd);
  const shutdown = firstShutdownSignal();
  try {
    const ui = await loadUiPackage(PREFIX);
    const server = await start(ui, options);
    const address = options.token === undefined ? server.url : `${server.url}?token=${encodeURIComponent(options.token)}`;
    context.stdout(`${PREFIX}: runs of ${shownStore(options.store)} at ${address}\n${PREFIX}: Ctrl-C stops it\n`);
    const signal = await shutdown.received;
    await server.close();
    context.stdout(`${PREFIX}: ${signal}, stopped\n`);
    return 0;
  } finally {
    shutdown.dispose();
  }
}

interface UiArguments {
  readonly store: string;
  readonly host: string;
  readonly port: number;
  readonly token: string | undefined;
}

/** Starts the server; its option errors are usage errors, a store that cannot be opened a command error. */
async function start(ui: Awaited<ReturnType<typeof loadUiPackage>>, options: UiArguments) {
  try {
    return await ui.serveUi(options);
  } catch (error) {
    if (error instanceof ui.UiOptionsError) throw new UsageError(error.message);
    if (error instanceof ui.RunStoreError && error.kind === 'bad-url') throw new UsageError(`--store: ${error.message}`);
    throw new CommandError(`${PREFIX}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseUiArguments(args: readonly string[], cwd: string): UiArguments {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({
      args: [...args],
      options: { store: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; ui takes options only, e.g. --store sqlite:runs.db`);
  for (const [flag, value] of Object.entries(values))
    if (typeof value === 'string' && value.trim() === '') throw new UsageError(`--${flag} is empty; give a value or leave the option out`);
  return {
    store: storeUrl(values.store ?? DEFAULT_STORE, cwd),
    host: values.host ?? DEFAULT_HOST,
    port: port(values.port),
    token: values.token,
  };
}

/** A relative sqlite:PATH is relative to the command's directory, which a test's runCli may set apart from the process's. */
function storeUrl(url: string, cwd: string): string {
  const path = /^sqlite:(?!\/\/)(.+)$/i.exec(url)?.[1];
  if (path === undefined || path === ':memory:' || isAbsolute(path)) return url;
  return `sqlite:${resolve(cwd, path)}`;
}

function port(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const number = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(number >= 0 && number <= 65_535))
    throw new UsageError(
      `--port ${JSON.stringify(value)} is not a port; give an integer from 0 (any free port) to 65535, e.g. --port 8241`,
    );
  return number;
}

function shownStore(url: string): string {
  return /^postgres(ql)?:/i.test(url) ? redactUrl(url) : url;
}
