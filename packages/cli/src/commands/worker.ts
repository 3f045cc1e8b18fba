// `hamilton-ts worker`: a process that runs pipeline nodes sent by drivers through a BullMQ queue.
import { parseArgs } from 'node:util';
import { existingModuleFiles, parseOrUsageError, positiveInteger, redactUrl, redisUrl, requiredOption } from '../arguments.js';
import { loadBullmqEngine } from '../bullmq-engine.js';
import { type Command, type CommandContext, CommandError, UsageError } from '../command.js';
import { firstShutdownSignal } from '../shutdown-signal.js';
import { PROGRAM } from '../usage.js';

const NAME = 'worker';
const PREFIX = `${PROGRAM} ${NAME}`;
const EXAMPLE = `${PROGRAM} worker --redis redis://127.0.0.1:6379 --queue hamilton ./pipeline.js`;

/** The validated command line of `hamilton-ts worker`. */
interface WorkerArguments {
  redis: string;
  queue: string;
  concurrency: number | undefined;
  lockDuration: number | undefined;
  modules: URL[];
}

/** `hamilton-ts worker --redis URL --queue NAME [--concurrency N] [--lock-duration MS] MODULE...` */
export const workerCommand: Command = {
  name: NAME,
  summary: 'Run pipeline nodes for drivers, taking jobs from a BullMQ queue on Redis',
  synopsis: `${NAME} --redis URL --queue NAME [--concurrency N] [--lock-duration MS] MODULE...`,
  help: `Imports the pipeline modules MODULE... and runs the nodes that drivers send to the queue NAME, until
stopped by SIGTERM or SIGINT: it then finishes the jobs it is running (a second signal stops it at once).
Start as many workers as you like, on any machine that reaches Redis.

Options:
  --redis URL           Redis to connect to: redis://[USER:PASSWORD@]HOST:PORT[/DB], or rediss:// for TLS
  --queue NAME          BullMQ queue the drivers send to: letters, digits, "-", "_" or "."
  --concurrency N       Jobs run at once (default 1)
  --lock-duration MS    Milliseconds after which the job of a killed worker is run again by another
                        (default 30000)
  -h, --help            Show this help

MODULE is a pipeline module file (built .js, or .ts when run with the project's TypeScript loader),
absolute or relative to the current directory; give the modules the drivers use.

Example:
  ${EXAMPLE}`,
  run: runWorker,
};

async function runWorker(args: readonly string[], context: CommandContext): Promise<number> {
  const options = await parseWorkerArguments(args, context.cwd);
  // Listening before the engine starts, so a signal during startup is a clean stop too, not a kill.
  const shutdown = firstShutdownSignal();
  try {
    const { createNodeWorker } = await loadBullmqEngine(PREFIX);
    const starting = createNodeWorker({
      connection: options.redis,
      modules: options.modules,
      queueName: options.queue,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.lockDuration !== undefined && { lockDuration: options.lockDuration }),
    });
    const worker = await Promise.race([starting, shutdown.received.then(() => undefined)]);
    if (worker === undefined) {
      // Stopped before it was ready: close it if it gets there; main.ts ends the process meanwhile.
      context.stdout(`${PREFIX}: ${await shutdown.received} before the worker was ready; stopped\n`);
      starting.then((late) => late.close()).catch(() => undefined);
      return 0;
    }
    const modules = `${options.modules.length} module(s)`;
    context.stdout(
      `${PREFIX}: queue ${worker.queueName} on ${redactUrl(options.redis)}, ${modules}, concurrency ${options.concurrency ?? 1}\n`,
    );
    const signal = await shutdown.received;
    context.stdout(`${PREFIX}: ${signal}, closing after the jobs it is running\n`);
    await worker.close();
    return 0;
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`${PREFIX}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    shutdown.dispose();
  }
}

async function parseWorkerArguments(args: readonly string[], cwd: string): Promise<WorkerArguments> {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        redis: { type: 'string' },
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        'lock-duration': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const redis = redisUrl(requiredOption(values.redis, '--redis', 'redis://127.0.0.1:6379'), '--redis');
  const queue = requiredOption(values.queue, '--queue', 'hamilton');
  // The engine's rule (the name becomes part of Redis keys), checked here too so a typo is a usage error
  // before any connection, not a failed start.
  if (!/^[\w.-]+$/.test(queue))
    throw new UsageError(
      `--queue ${JSON.stringify(queue)} is not a queue name; use letters, digits, "-", "_" or ".", e.g. --queue hamilton`,
    );
  return {
    redis,
    queue,
    concurrency: positiveInteger(values.concurrency, '--concurrency', 'the number of jobs to run at once, e.g. --concurrency 4'),
    lockDuration: positiveInteger(values['lock-duration'], '--lock-duration', 'milliseconds, e.g. --lock-duration 30000'),
    modules: await existingModuleFiles(positionals, cwd, EXAMPLE),
  };
}
