import { expect } from '@jest/globals';
import { Driver, type DriverOptions, GraphBuildError, HamiltonError, type HamiltonModule } from '../../src/index.js';

/** Builds a driver that must fail, and returns its `GraphBuildError` for assertions on the message. */
export function buildError(modules: HamiltonModule, options: DriverOptions & { config?: Record<string, unknown> } = {}): GraphBuildError {
  try {
    new Driver(options.config ?? {}, modules, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphBuildError);
    expect(error).toBeInstanceOf(HamiltonError);
    return error as GraphBuildError;
  }
  throw new Error('expected a GraphBuildError');
}
