import 'reflect-metadata';
import { dependsOn, node, tag } from '@hamilton-ts/core';

// The README's "Declaring nodes" snippet, verbatim.
export class SpendFeatures {
  constructor(private readonly fx = 1) {}

  @node() // node name = method name; deps = parameter names
  spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }

  @node({ name: 'spendPerSignup', doc: 'Spend per signup.' })
  @dependsOn('spendUsd', 'signups') // explicit deps, positional; wins over parameter names
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }

  @node()
  @tag({ owner: 'growth', pii: 'false' })
  async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0); // windowDays: optional dependency
  }
}
