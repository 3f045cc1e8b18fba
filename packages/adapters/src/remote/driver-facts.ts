import type { GraphView } from '@hamilton-ts/core';
import type { NodeSelection } from './node-selection.js';
import { checkRemoteGraph } from './remote-graph.js';
import { remoteMessages } from './remote-messages.js';

/** Where an engine sends nodes, as its messages name it: `{ one: 'a worker thread', many: 'worker threads' }`. */
export interface RemotePlace {
  readonly one: string;
  readonly many: string;
}

/**
 * What an engine keeps per driver, by the driver's config object: made by `describe` from the config
 * and the classes the driver's nodes come from (`null`: unknown, the workers take every class).
 */
export class DriverFactsByConfig<F> {
  private readonly byConfig = new WeakMap<object, F>();

  constructor(private readonly describe: (config: Readonly<Record<string, unknown>>, classes: readonly string[] | null) => F) {}

  /**
   * An engine's `validateGraph`: refuses remote nodes that cannot run where they are sent, and a
   * config `describe` cannot encode; otherwise keeps the driver's facts.
   */
  validate(graph: GraphView, config: Readonly<Record<string, unknown>>, selection: NodeSelection, place: RemotePlace): true | string {
    const { problems, classes, sendsNodes } = checkRemoteGraph(graph, selection, place.one);
    if (sendsNodes) {
      try {
        this.byConfig.set(config, this.describe(config, classes));
      } catch (error) {
        problems.push(remoteMessages.configCannotTravel(place.many, (error as Error).message));
      }
    }
    return problems.length ? problems.join('; also ') : true;
  }

  /** The facts of the driver whose config this is; made here when `validate` did not run for it. */
  of(config: Readonly<Record<string, unknown>>): F {
    let facts = this.byConfig.get(config);
    if (!facts) {
      facts = this.describe(config, null);
      this.byConfig.set(config, facts);
    }
    return facts;
  }
}
