import type { GraphView } from '@hamilton-ts/core';
import type { NodeSelection } from './node-selection.js';
import { remoteMessages as text } from './remote-messages.js';

/** What an engine learns about a driver's graph when the driver is built. */
export interface RemoteGraphFacts {
  /** What is wrong (empty when the engine can run this graph). */
  readonly problems: string[];
  /** The classes the graph's nodes come from (the workers build their graph from these only). */
  readonly classes: string[];
  /** True when at least one node is sent away. */
  readonly sendsNodes: boolean;
}

/**
 * Checks, once per driver, that the nodes an engine sends away can run there: each is computed by
 * the graph and comes from a class (a worker constructs it), not an instance whose state cannot travel.
 * `where` names the destination in messages ("a worker thread").
 */
export function checkRemoteGraph(graph: GraphView, selection: NodeSelection, where: string): RemoteGraphFacts {
  const problems: string[] = [];
  const computed = graph.variables.filter((v) => !v.isExternalInput);
  const unknown = [...(selection.names ?? [])].filter((name) => !computed.some((v) => v.name === name));
  if (unknown.length) problems.push(text.unknownNodes(unknown));
  const fromInstances = computed.filter((v) => selection.selects(v) && graph.originOf(v.name)?.fromInstance);
  if (fromInstances.length)
    problems.push(
      text.instanceModules(
        fromInstances.map((v) => v.name),
        [...new Set(fromInstances.map((v) => graph.originOf(v.name)!.className))],
        where,
      ),
    );
  const classes = new Set<string>();
  for (const v of computed) {
    const origin = graph.originOf(v.name);
    if (origin && !origin.fromInstance) classes.add(origin.className);
  }
  return { problems, classes: [...classes], sendsNodes: computed.some((v) => selection.selects(v)) };
}
