import { AsyncDriver, Driver } from '@hamilton-ts/core';

// Nest hands a provider's value out while it instantiates providers, but the pipelines a driver
// calls are only all there once instantiation is over. So the injected value is an object with the
// driver's prototype (so `instanceof Driver` holds and no proxy sits on the hot path) whose public
// members first build the driver, and which then takes the built driver's fields and becomes it.

const BUILD_ON_FIRST_USE = [
  'execute',
  'rawExecute',
  'validateExecution',
  'listAvailableVariables',
  'whatIsUpstreamOf',
  'whatIsDownstreamOf',
  'whatIsThePathBetween',
  'displayAllFunctions',
  'visualizeExecution',
] as const;

const builders = new WeakMap<object, () => void>();

function build(slot: object): void {
  const builder = builders.get(slot);
  if (!builder) throw new Error('this Hamilton driver was used before its HamiltonModule was set up');
  builder();
}

/** An unbuilt driver; `bindDriverSlot` says how to build it on first use, unless the module initialises first. */
export function createDriverSlot(kind: 'sync' | 'async'): Driver<unknown> {
  const slot = Object.create(kind === 'async' ? AsyncDriver.prototype : Driver.prototype) as Record<string, unknown>;
  for (const member of BUILD_ON_FIRST_USE)
    Object.defineProperty(slot, member, {
      configurable: true,
      writable: true,
      value(this: Driver, ...args: unknown[]) {
        build(slot);
        return (this as unknown as Record<string, (...a: unknown[]) => unknown>)[member](...args);
      },
    });
  Object.defineProperty(slot, 'graph', {
    configurable: true,
    get() {
      build(slot);
      return (slot as { graph: unknown }).graph;
    },
  });
  return slot as unknown as Driver<unknown>;
}

/** How the slot builds its driver when it is used before its module initialises. */
export function bindDriverSlot(slot: Driver<unknown>, builder: () => void): void {
  builders.set(slot, builder);
}

/** Makes the slot the built driver: its own stand-ins go, the driver's fields come in. */
export function fillDriverSlot(slot: Driver<unknown>, built: Driver<unknown>): void {
  for (const member of [...BUILD_ON_FIRST_USE, 'graph']) delete (slot as unknown as Record<string, unknown>)[member];
  Object.assign(slot, built);
}
