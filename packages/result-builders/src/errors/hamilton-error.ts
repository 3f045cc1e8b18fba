/**
 * Base class of every error hamilton-ts throws, so one `instanceof HamiltonError` catches them all.
 * It lives in the lowest package so that result builders can throw it too; `@hamilton-ts/core`
 * re-exports it.
 *
 * @example
 * try { await dr.execute(['total']); } catch (e) { if (e instanceof HamiltonError) report(e.message); }
 */
export class HamiltonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
