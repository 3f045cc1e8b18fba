import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from './messages.js';

/** One thing wrong with the modules or config, found while building the graph. */
export interface BuildProblem {
  /** The node (or method) the problem is about, when there is one. */
  readonly node?: string;
  readonly message: string;
}

/**
 * Thrown when the modules cannot form a graph: duplicate names, cycles, incompatible edge types,
 * decorator misuse. Every problem found in one build is listed in `problems` and in the message.
 *
 * @example
 * try { new Driver({}, Broken); } catch (e) { if (e instanceof GraphBuildError) e.problems.forEach(p => log(p.message)); }
 */
export class GraphBuildError extends HamiltonError {
  constructor(readonly problems: readonly BuildProblem[]) {
    super(messages.graphBuild(problems.map((p) => p.message)));
  }
}
