// Waiting for something another process or the clock brings about, without asserting how long it takes.
import { setTimeout as sleep } from 'node:timers/promises';

/** Reads `read()` again every few milliseconds until `done` holds for it; gives up, saying what it waited for, after `giveUpMs`. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, giveUpMs = 30_000): Promise<T> {
  const deadline = Date.now() + giveUpMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; the last read gave ${JSON.stringify(value)}`);
    await sleep(20);
  }
}
