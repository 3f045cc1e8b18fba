import { HamiltonError } from '@hamilton-ts/result-builders';

/** Names the place `level` containers below the root: the root's name and the first `level` path segments. */
export type PathAt = (level: number) => string;

/** Thrown inside the walk; collects the path to the offending value as it unwinds, then names it. */
export class PackFailure {
  /** Path segments from the root, already written (`.spend`, `[3]`, `.get("US")`): one per container. */
  readonly path: string[] = [];

  /** `describe` gets where the offending value is, and `at` for naming one of its containers (a cycle's start). */
  constructor(readonly describe: (where: string, at: PathAt) => string) {}

  /** Adds the segment of the container being unwound and rethrows anything else unchanged. */
  static at(error: unknown, segment: string): unknown {
    if (error instanceof PackFailure) error.path.unshift(segment);
    return error;
  }

  /** The user-facing error, naming where in the value named `root` the problem is. */
  toError(root: string): HamiltonError {
    const at: PathAt = (level) => root + this.path.slice(0, level).join('');
    return new HamiltonError(this.describe(at(this.path.length), at));
  }
}

/** The path segment of a record key: `.name`, or `["odd key"]`. */
export const keySegment = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** The path segment of a Map entry (its key or its value): `.get("US")`, `.get(3)`. */
export const entrySegment = (key: unknown): string => `.get(${typeof key === 'string' ? JSON.stringify(key) : String(key)})`;

/** The path segment of an item of a Set, which has no key to name it by. */
export const SET_ITEM_SEGMENT = ' (an item of a Set)';
