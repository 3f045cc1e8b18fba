// The consumer's pipeline module: the README's API, imported from the installed packages.
import 'reflect-metadata';
import { dependsOn, node, tag } from '@hamilton-ts/core';

export class SpendFeatures {
  constructor(private readonly fx = 1) {}

  @node()
  spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }

  @node({ name: 'spendPerSignup', doc: 'Spend per signup.' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }

  @node()
  @tag({ owner: 'growth', pii: 'false' })
  async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0);
  }

  @node()
  totalSpend(spendUsd: Float64Array): number {
    return spendUsd.reduce((a, b) => a + b, 0);
  }
}

/** CPU-bound nodes that the worker-threads engine runs, loading this module's built .js by URL. */
export class Heavy {
  @node()
  sumOfRoots(iterations: number): number {
    let sum = 0;
    for (let i = 0; i < iterations; i++) sum += Math.sqrt(i);
    return sum;
  }

  @node()
  squares(iterations: number): Float64Array {
    return Float64Array.from({ length: 4 }, (_, i) => (i + iterations) ** 2);
  }
}
