// Runs in each worker thread: imports the pipeline modules, builds the driver's graph under its config
// (cached per modules, classes and config), runs the node it is sent and answers with its packed value.
import {
  buildNodeRunner,
  type ModuleClass,
  modulesOfExports,
  type NodeRunner,
  packForTransfer,
  serializeError,
  unpackTransferred,
} from '@hamilton-ts/core';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { messages } from './messages.js';
import { isTypeScriptUrl } from './module-urls.js';
import type { ThreadResponse, ThreadTask } from './protocol.js';

const imports = new Map<string, Promise<Readonly<Record<string, unknown>>>>();
const runners = new Map<string, Promise<NodeRunner>>();
/** Graphs kept per worker; a shared pool serving many drivers drops the oldest beyond this. */
const MAX_GRAPHS = 256;

/** Runs one task; never throws: every failure is an answer, so the pool's thread stays up. */
export async function runTask(task: ThreadTask): Promise<unknown> {
  let runner: NodeRunner;
  let kwargs: Record<string, unknown>;
  try {
    runner = await runnerFor(task);
    checkNode(runner, task);
    kwargs = unpackTransferred(task.kwargs) as Record<string, unknown>;
  } catch (error) {
    return failure(error, false);
  }
  let value: unknown;
  try {
    value = await runner.run(task.node, kwargs);
    // A generator (e.g. of a @parallelizable node) cannot be copied; its items can.
    if (isIterator(value)) value = Array.from(value);
  } catch (error) {
    return failure(error, true);
  }
  try {
    const { payload, transfer } = packForTransfer(value, { name: `the value of node "${task.node}"`, transfer: movable });
    const response: ThreadResponse = { ok: true, value: payload };
    return move({ [transferableSymbol]: transfer, [valueSymbol]: response });
  } catch (error) {
    return failure(error, false);
  }
}

function failure(error: unknown, thrownByNode: boolean): ThreadResponse {
  return { ok: false, error: serializeError(error), thrownByNode };
}

/**
 * Results move to the driver's thread rather than being copied, except a Buffer that is part of a
 * larger allocation (Node's shared Buffer pool, which must stay here).
 */
function movable(buffer: ArrayBuffer, view: ArrayBufferView | undefined): boolean {
  return !(view && Buffer.isBuffer(view) && view.byteLength !== buffer.byteLength);
}

function isIterator(value: unknown): value is IterableIterator<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Iterator<unknown>).next === 'function' &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

function checkNode(runner: NodeRunner, task: ThreadTask): void {
  const dependencies = runner.dependenciesOf(task.node);
  if (!dependencies) throw new Error(messages.notInThreadModules(task.node, task.modules, missingClass(task)));
  const origin = runner.originOf(task.node);
  if (task.origin !== undefined && origin !== task.origin)
    throw new Error(messages.originDiffers(task.node, task.origin, origin, task.modules));
  if (dependencies.length !== task.dependencies.length || dependencies.some((d, i) => d !== task.dependencies[i]))
    throw new Error(messages.dependenciesDiffer(task.node, task.dependencies, dependencies, task.modules));
}

/** The driver's class of the node, when no thread module exports it. */
function missingClass(task: ThreadTask): string | undefined {
  const className = task.origin?.slice(0, task.origin.indexOf('.'));
  return className && !exportedClasses.has(className) ? className : undefined;
}

const exportedClasses = new Set<string>();

function runnerFor(task: ThreadTask): Promise<NodeRunner> {
  const key = `${task.configId}\n${task.classes?.join(',') ?? '*'}\n${task.modules.join('\n')}`;
  let runner = runners.get(key);
  if (!runner) {
    runner = buildRunner(task);
    runners.set(key, runner);
    runner.catch(() => runners.delete(key));
    if (runners.size > MAX_GRAPHS) runners.delete(runners.keys().next().value!);
  }
  return runner;
}

async function buildRunner(task: ThreadTask): Promise<NodeRunner> {
  const namespaces = await Promise.all(task.modules.map(importModule));
  const classes: ModuleClass[] = [];
  for (const namespace of namespaces)
    for (const module of modulesOfExports(namespace)) {
      exportedClasses.add(module.name);
      if (!classes.includes(module) && (task.classes === null || task.classes.includes(module.name))) classes.push(module);
    }
  return buildNodeRunner(classes, unpackTransferred(task.config) as Record<string, unknown>);
}

function importModule(href: string): Promise<Readonly<Record<string, unknown>>> {
  let loaded = imports.get(href);
  if (!loaded) {
    loaded = load(href);
    imports.set(href, loaded);
    loaded.catch(() => imports.delete(href));
  }
  return loaded;
}

async function load(href: string): Promise<Readonly<Record<string, unknown>>> {
  if (isTypeScriptUrl(href)) await registerTypeScript();
  try {
    return (await import(href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(messages.importFailed(href, error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

/** The TypeScript loader, for .ts modules when this worker itself runs compiled (it is registered already from source). */
async function registerTypeScript(): Promise<void> {
  const loader = (await import(new URL('./ts-loader/register.js', import.meta.url).href)) as {
    registerTypeScript(options?: { conditions?: string[] }): boolean;
  };
  loader.registerTypeScript();
}
