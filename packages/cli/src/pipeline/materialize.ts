// `execute --materialize`: loaders and savers from JSON, run with the pipeline, a line per loader and saver.
import type { Driver, LoadMetadata, SaveMetadata } from '@hamilton-ts/core';
import { materializersFromSpec } from '@hamilton-ts/io';
import type { CommandContext } from '../command.js';
import { PROGRAM } from '../usage.js';

/**
 * Runs every saver of `spec` (and its loaders) and `outputs`; writes to stderr what each loader read
 * (`←`) and each saver wrote (`→`); resolves with the outputs' values.
 */
export async function materializeAndReport(
  driver: Driver<unknown>,
  spec: readonly unknown[],
  outputs: readonly string[],
  inputs: Readonly<Record<string, unknown>> | undefined,
  context: CommandContext,
): Promise<Record<string, unknown>> {
  const materializers = materializersFromSpec(spec);
  const { metadata, results } = await driver.materialize(materializers, { inputs, additionalVars: outputs });
  // Loaders ran first; metadata lists them in the order given, so they are printed first too.
  const loaders = materializers.flatMap((m) => (m.role === 'loader' && metadata[m.target] ? [m.target] : []));
  const savers = materializers.flatMap((m) => (m.role === 'saver' ? [m.id] : []));
  for (const target of loaders) context.stderr(`${PROGRAM} execute: ${ioLine(target, '←', metadata[target]!)}\n`);
  for (const id of savers) context.stderr(`${PROGRAM} execute: ${ioLine(id, '→', metadata[id]!)}\n`);
  return results;
}

/** `rows: 300 rows × 5 columns ← in.csv (csv, 12034 bytes, 3 ms)`: what one loader or saver did. */
function ioLine(name: string, arrow: '←' | '→', done: LoadMetadata | SaveMetadata): string {
  const shape = done.rows === undefined ? '' : ` ${done.rows} rows × ${done.columns} columns`;
  const where =
    done.path ?? (done.table === undefined ? `query ${JSON.stringify(shorten(String(done.query)))}` : `table ${String(done.table)}`);
  const bytes = done.bytes === undefined ? '' : `, ${done.bytes} bytes`;
  return `${name}:${shape} ${arrow} ${where} (${done.format}${bytes}, ${done.ms.toFixed(0)} ms)`;
}

/** A long query cut, so its line stays one line of a terminal. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
