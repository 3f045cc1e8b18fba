import 'reflect-metadata';
import { checkOutput, node, tag } from '@hamilton-ts/core';

/** The model-facing score: how far each week's cost per signup beats the target, in [0, 1]. */
export class EfficiencyScore {
  @node({ doc: 'Efficiency in [0, 1]: 1 when a signup cost nothing, 0.5 on target, 0 at twice the target or worse.' })
  @checkOutput({ range: [0, 1], dataType: Number, allowNaN: false }, { importance: 'fail' })
  @tag({ stage: 'model-input', owner: 'growth' })
  efficiencyScore(costPerSignup: Float64Array, targetCostPerSignup: number): Float64Array {
    return costPerSignup.map((c) => Math.max(0, 1 - c / (2 * targetCostPerSignup)));
  }

  @node({ doc: 'Whether the 4-week spend trend is rising.' })
  spendRising(spendMean4w: Float64Array, spendMean8w: Float64Array): Float64Array {
    return spendMean4w.map((m, i) => (Number.isNaN(m) || Number.isNaN(spendMean8w[i]) ? 0 : m > spendMean8w[i] ? 1 : 0));
  }
}
