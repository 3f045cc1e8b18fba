// The texts shared by every engine that runs nodes elsewhere (worker threads, queue workers): `place`
// names where, e.g. "the thread modules" or "the worker modules".

const list = (names: readonly string[]): string => `[${names.join(', ')}]`;

export const remoteMessages = {
  notInModules: (node: string, place: string, modules: readonly string[], missingClass: string | undefined) =>
    `node "${node}" is not defined in ${place} ${list(modules)}` +
    (missingClass ? ` (none of them exports the class ${missingClass} that defines it)` : '') +
    '; export the node\'s class from one of them, or leave the node out of the adapter\'s "nodes" option',
  originDiffers: (node: string, place: string, modules: readonly string[], driver: string, remote: string | undefined) =>
    `node "${node}" differs between the driver and ${place} ${list(modules)}: the driver's is ${driver}, ` +
    `${place}' is ${remote ?? 'of unknown origin'}; give them the same modules as the driver`,
  dependenciesDiffer: (node: string, place: string, modules: readonly string[], driver: readonly string[], remote: readonly string[]) =>
    `node "${node}" differs between the driver and ${place} ${list(modules)}: the driver's depends on ${list(driver)}, ` +
    `${place}' on ${list(remote)}; give them the same modules (and config) as the driver`,
  importFailed: (url: string, who: string, reason: string) => `${who} cannot import the module ${url}: ${reason}`,
  instanceModules: (nodes: readonly string[], classes: readonly string[], where: string) =>
    `node${nodes.length === 1 ? '' : 's'} ${list(nodes)} come${nodes.length === 1 ? 's' : ''} from a module given as an instance ` +
    `of ${classes.join(', ')}: an instance's state (injected services, constructor arguments) cannot travel to ${where}, ` +
    'which imports the module file and constructs the class itself; pass the class to the driver instead of an instance, ' +
    'or leave these nodes out of the adapter\'s "nodes" option so they run in this process',
  unknownNodes: (names: readonly string[]) =>
    `option "nodes" names ${list(names)}, which the graph does not compute; name computed nodes (see listAvailableVariables())`,
  configCannotTravel: (where: string, reason: string) =>
    `the driver's config must be copied to ${where}, which rebuild the graph from it, but ${reason}; ` +
    'pass that value as an input instead, or run these nodes in this process',
} as const;
