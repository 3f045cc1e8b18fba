import 'reflect-metadata';
import { Driver, dependsOn, HamiltonError, node, UnknownNodeError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Features {
  @node() spendUsd(spend: number[]): number[] {
    return spend;
  }
  @node({ name: 'spendPerSignup' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: number[], n: number[]): number[] {
    return s.map((v, i) => v / n[i]);
  }
}

const failure = async (run: Promise<unknown>): Promise<UnknownNodeError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnknownNodeError);
  expect(error).toBeInstanceOf(HamiltonError);
  return error as UnknownNodeError;
};

describe('unknown outputs', () => {
  const dr = new Driver({}, Features);

  it('names the unknown output and suggests close matches', async () => {
    const error = await failure(dr.execute(['spendPerSignUp']));
    expect(error.message).toBe(
      'unknown output: "spendPerSignUp" (did you mean spendPerSignup?); use listAvailableVariables() to see every node',
    );
    expect(error.unknown).toEqual(['spendPerSignUp']);
    expect(error.suggestions).toEqual({ spendPerSignUp: ['spendPerSignup'] });
  });

  it('lists every unknown output together, suggesting only where something is close', async () => {
    const error = await failure(dr.rawExecute(['spendUSD', 'spendUsd', 'revenueForecast']));
    expect(error.unknown).toEqual(['spendUSD', 'revenueForecast']);
    expect(error.message).toContain('unknown outputs: "spendUSD" (did you mean spendUsd?), "revenueForecast";');
  });

  it('does not know the method name behind a renamed node', async () => {
    const error = await failure(dr.rawExecute(['perSignup']));
    expect(error.message).toMatch(/^unknown output: "perSignup"/);
  });

  it('is thrown before any node runs, by validateExecution too', () => {
    expect(() => dr.validateExecution(['spendPerSignUp'], { inputs: { spend: [1], signups: [1] } })).toThrow(UnknownNodeError);
  });
});

describe('unknown overrides', () => {
  it('names the unknown override with close matches', async () => {
    const error = await failure(
      new Driver({}, Features).rawExecute(['spendPerSignup'], { overrides: { spendUds: [1] }, inputs: { signups: [1] } }),
    );
    expect(error.message).toBe('unknown override: "spendUds" (did you mean spendUsd?); use listAvailableVariables() to see every node');
  });

  it('reports unknown outputs before unknown overrides', async () => {
    const error = await failure(new Driver({}, Features).rawExecute(['nope'], { overrides: { nada: 1 } }));
    expect(error.unknown).toEqual(['nope']);
  });
});
