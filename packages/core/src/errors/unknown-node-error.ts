import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from './messages.js';

/**
 * Thrown when a requested output, override or query names no node. `suggestions` maps each unknown
 * name to the closest existing node names.
 *
 * @example
 * await dr.execute(['spendPerSignUp']); // UnknownNodeError: ... did you mean spendPerSignup?
 */
export class UnknownNodeError extends HamiltonError {
  constructor(
    readonly unknown: readonly string[],
    readonly suggestions: Readonly<Record<string, readonly string[]>>,
    role: string,
  ) {
    super(messages.unknownNodes(role, unknown, suggestions));
  }
}
