// What the parity tests compare between engines, and how they check that the cases they drew cover
// successes, failures and parallelizable blocks.
import { expect } from '@jest/globals';
import type { ParityCase } from './random-spec.js';

/** A run's result: its values, or what its error says (type, node, message), compared exactly. */
export type Outcome = { ok: true; values: Record<string, unknown> } | { ok: false; type: string; node: unknown; message: string };

export async function outcome(run: () => Promise<Record<string, unknown>>): Promise<Outcome> {
  try {
    return { ok: true, values: await run() };
  } catch (error) {
    const e = error as Error & { node?: unknown };
    return { ok: false, type: e.constructor.name, node: e.node, message: e.message };
  }
}

/**
 * How many cases a property saw succeed, fail, and hold a parallelizable block. `nodeErrors` counts the
 * failures of a node (the others, such as a missing input, are refused before any engine runs a node).
 */
export class Coverage {
  readonly seen = { ok: 0, failed: 0, nodeErrors: 0, blocks: 0 };

  count(c: ParityCase, reference: Outcome): void {
    this.seen[reference.ok ? 'ok' : 'failed']++;
    if (!reference.ok && reference.node !== undefined) this.seen.nodeErrors++;
    if (c.spec.nodes.some((n) => n.role === 'parallel')) this.seen.blocks++;
  }

  /** The generator must exercise both paths and blocks, or the property proves little. */
  expectEnough(runs: number): void {
    if (process.env.PARITY_VERBOSE) console.log(this.seen);
    expect(this.seen.ok).toBeGreaterThan(runs / 10);
    expect(this.seen.failed).toBeGreaterThan(runs / 20);
    expect(this.seen.blocks).toBeGreaterThan(runs / 5);
  }
}
