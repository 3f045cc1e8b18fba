import { HamiltonError } from '@hamilton-ts/result-builders';

/** Thrown inside the walk; collects the path to the offending value as it unwinds, then names it. */
export class PackFailure {
  /** Path segments from the root, already written (`.spend`, `[3]`, `.get("US")`). */
  readonly path: string[] = [];

  constructor(readonly describe: (where: string) => string) {}

  /** Adds the segment of the container being unwound and rethrows anything else unchanged. */
  static at(error: unknown, segment: string): unknown {
    if (error instanceof PackFailure) error.path.unshift(segment);
    return error;
  }

  /** The user-facing error, naming where in the value named `root` the problem is. */
  toError(root: string): HamiltonError {
    return new HamiltonError(this.describe(root + this.path.join('')));
  }
}

/** The path segment of a record key: `.name`, or `["odd key"]`. */
export const keySegment = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
