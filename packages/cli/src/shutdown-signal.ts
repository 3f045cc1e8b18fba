// Turning SIGTERM/SIGINT into a clean stop for long-running commands.

/** Resolves with the first of the signals received; `dispose` stops listening. */
export interface ShutdownSignal {
  readonly received: Promise<NodeJS.Signals>;
  dispose(): void;
}

/**
 * Listens for the first SIGTERM or SIGINT. The listeners are removed as soon as one arrives, so a second
 * signal gets Node's default handling and ends the process at once: the way out when a clean stop hangs
 * (a job that never finishes, Redis gone).
 */
export function firstShutdownSignal(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): ShutdownSignal {
  let dispose = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      dispose();
      resolve(signal);
    };
    for (const signal of signals) process.on(signal, onSignal);
    dispose = () => {
      for (const signal of signals) process.off(signal, onSignal);
    };
  });
  return { received, dispose: () => dispose() };
}
