// `execute --materialize`: loaders and savers from JSON, run with the pipeline, a line per saver.
import type { Driver } from '@hamilton-ts/core';
import { materializersFromSpec } from '@hamilton-ts/io';
import type { CommandContext } from '../command.js';
import { PROGRAM } from '../usage.js';

/** Runs every saver of `spec` (and its loaders) and `outputs`; writes what each saver wrote to stderr; resolves with the outputs' values. */
export async function materializeAndReport(
  driver: Driver<unknown>,
  spec: readonly unknown[],
  outputs: readonly string[],
  inputs: Readonly<Record<string, unknown>> | undefined,
  context: CommandContext,
): Promise<Record<string, unknown>> {
  const { metadata, results } = await driver.materialize(materializersFromSpec(spec), { inputs, additionalVars: outputs });
  for (const [id, saved] of Object.entries(metadata)) {
    const shape = saved.rows === undefined ? '' : ` ${saved.rows} rows × ${saved.columns} columns`;
    const where = saved.path ?? `table ${String(saved.table)}`;
    const bytes = saved.bytes === undefined ? '' : `, ${saved.bytes} bytes`;
    context.stderr(`${PROGRAM} execute: ${id}:${shape} → ${where} (${saved.format}${bytes}, ${saved.ms.toFixed(0)} ms)\n`);
  }
  return results;
}
