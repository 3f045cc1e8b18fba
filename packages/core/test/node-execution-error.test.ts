import 'reflect-metadata';
import { AsyncDriver, Driver, HamiltonError, NodeExecutionError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Ratios {
  readonly ran: string[] = [];
  @node() total(): number {
    this.ran.push('total');
    return 0;
  }
  @node() ratio(total: number): number {
    this.ran.push('ratio');
    if (total === 0) throw new RangeError('division by zero');
    return 1 / total;
  }
  @node() async fetched(): Promise<number> {
    this.ran.push('fetched');
    throw new TypeError('socket closed');
  }
  @node() percent(ratio: number): number {
    this.ran.push('percent');
    return ratio * 100;
  }
  @node() enriched(fetched: number): number {
    this.ran.push('enriched');
    return fetched;
  }
  @node() independent(): number {
    this.ran.push('independent');
    return 1;
  }
  @node() rejectsNonError(): Promise<number> {
    return Promise.reject('plain string');
  }
}

const failure = async (run: Promise<unknown>): Promise<NodeExecutionError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeExecutionError);
  expect(error).toBeInstanceOf(HamiltonError);
  return error as NodeExecutionError;
};

describe('NodeExecutionError', () => {
  it('names the node and its class, keeps the original error as cause (sync throw)', async () => {
    const module = new Ratios();
    const error = await failure(new Driver({}, module).rawExecute(['percent']));
    expect(error.message).toBe('node "ratio" (Ratios) failed: division by zero');
    expect(error.node).toBe('ratio');
    expect(error.className).toBe('Ratios');
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(module.ran).toEqual(['total', 'ratio']);
  });

  it('does the same for an async rejection, and nothing downstream runs', async () => {
    const module = new Ratios();
    const error = await failure(new Driver({}, module).rawExecute(['enriched']));
    expect(error.message).toBe('node "fetched" (Ratios) failed: socket closed');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(module.ran).toEqual(['fetched']);
  });

  it('describes a rejection that is not an Error', async () => {
    const error = await failure(new Driver({}, Ratios).rawExecute(['rejectsNonError']));
    expect(error.message).toBe('node "rejectsNonError" (Ratios) failed: "plain string"');
    expect(error.cause).toBe('plain string');
  });

  it('starts nothing more after a failure in the sequential driver', async () => {
    const module = new Ratios();
    await failure(new Driver({}, module).rawExecute(['percent', 'independent']));
    expect(module.ran).not.toContain('percent');
  });

  it('lets the AsyncDriver finish nodes in flight, but runs nothing downstream of the failure', async () => {
    const module = new Ratios();
    const error = await failure(new AsyncDriver({}, module).rawExecute(['enriched', 'percent']));
    expect(['fetched', 'ratio']).toContain(error.node);
    expect(module.ran).not.toContain('enriched');
    expect(module.ran).not.toContain('percent');
  });

  it('leaves the driver usable for the next run', async () => {
    const dr = new Driver({}, Ratios);
    await failure(dr.rawExecute(['percent']));
    expect(await dr.rawExecute(['independent'])).toEqual({ independent: 1 });
    expect(await dr.rawExecute(['percent'], { overrides: { total: 4 } })).toEqual({ percent: 25 });
  });
});
