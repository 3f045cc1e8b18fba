import { HamiltonError } from '@hamilton-ts/core';

/** Where a load or save failed: the node, the format and the file (or table). */
export interface MaterializerErrorDetails {
  readonly node: string;
  readonly format: string;
  /** The file, as given and resolved (absent for SQL). */
  readonly path?: string;
}

/**
 * A loader or saver could not do its work: a missing or unreadable file, a malformed one, a value the
 * format cannot write, an absent optional package. The message names the node, the format and the path;
 * `cause` is the underlying error when there is one.
 */
export class MaterializerError extends HamiltonError {
  readonly node: string;
  readonly format: string;
  readonly path: string | undefined;

  constructor(details: MaterializerErrorDetails, problem: string, cause?: unknown) {
    const where = details.path === undefined ? details.format : `${details.format}, ${details.path}`;
    super(`node "${details.node}" (${where}): ${problem}`, cause === undefined ? undefined : { cause });
    this.node = details.node;
    this.format = details.format;
    this.path = details.path;
  }
}

/** The message of an error, or the value as text. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
