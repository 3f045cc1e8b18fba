import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';

/** The first retry after a failed request, doubled after each further failure up to the maximum. */
const RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;

/** What a request has given so far: the last value, the last error, or neither while loading. */
export interface Resource<T> {
  readonly data?: T;
  readonly error?: ApiError;
}

/**
 * Loads `load()` whenever `key` changes; then, while `pollMs(data)` gives a delay, loads it again after
 * that delay (a running run updates itself). The last value stays shown while the next one loads.
 */
export function useResource<T>(
  key: string,
  load: () => Promise<T>,
  pollMs: (data: T) => number | undefined = () => undefined,
): Resource<T> {
  const [state, setState] = useState<Resource<T> & { key?: string }>({});
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const run = async () => {
      try {
        const data = await load();
        if (stopped) return;
        failures = 0;
        setState({ key, data }); // a success clears the last error
        const delay = pollMs(data);
        if (delay !== undefined) timer = setTimeout(run, delay);
      } catch (error) {
        if (stopped) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, String(error));
        setState((last) => ({ ...last, key, error: failure }));
        // The server restarting or the network dropping passes; a 4xx (no such run, no token) does not.
        if (failure.status < 400 || failure.status >= 500) timer = setTimeout(run, Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** failures++));
      }
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key]);
  // A value loaded for another key (the previous run) is not shown for this one.
  return state.key === key ? state : {};
}
