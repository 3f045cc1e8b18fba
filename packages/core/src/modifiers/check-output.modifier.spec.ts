import * as aq from 'arquero';
import {
  checkOutput,
  DATA_QUALITY_TAGS,
  DataValidationError,
  Driver,
  type GraphAdapter,
  node,
  setLogger,
  tag,
  testNode,
  type ValidationOutcome,
} from '../index.js';

class Scores {
  @node()
  @checkOutput({ range: [0, 1], allowNaN: false }, { importance: 'fail' })
  score(raw: Float64Array): Float64Array {
    return raw.map((v) => v / 100);
  }

  @node()
  @checkOutput({ dataType: Number, maxFractionNaN: 0.5 })
  @tag({ owner: 'qa' })
  ratio(score: Float64Array): number[] {
    return Array.from(score, (s) => s * 2);
  }
}

const run = (raw: number[], outputs = ['score']) => new Driver({}, Scores).rawExecute(outputs, { inputs: { raw: Float64Array.from(raw) } });

describe('checkOutput: the nodes it makes', () => {
  const dr = new Driver({}, Scores);
  const byName = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));

  it('splits x into x_raw, one x_<validator>_validator per validator, and x', () => {
    expect(byName.get('score_raw')!.requiredDependencies).toEqual(['raw']);
    expect(byName.get('score_range_validator')!.requiredDependencies).toEqual(['score_raw']);
    expect(byName.get('score_allowNaN_validator')!.requiredDependencies).toEqual(['score_raw']);
    expect(byName.get('score')!.requiredDependencies).toEqual(['score_raw', 'score_range_validator', 'score_allowNaN_validator']);
    expect(byName.get('ratio_raw')!.requiredDependencies).toEqual(['score']);
  });

  it('tags validator nodes so the checks can be listed, and other tags go to x only', () => {
    const checks = dr.listAvailableVariables({ tagFilter: { [DATA_QUALITY_TAGS.sourceNode]: 'score' } });
    expect(checks.map((v) => v.name)).toEqual(['score_range_validator', 'score_allowNaN_validator']);
    expect(checks[0].tags).toEqual({
      'hamilton.data_quality.contains_dq_results': 'true',
      'hamilton.data_quality.source_node': 'score',
      'hamilton.data_quality.validator': 'range',
      'hamilton.data_quality.importance': 'fail',
    });
    expect(byName.get('ratio')!.tags).toEqual({ owner: 'qa', 'hamilton.data_quality.validators': ['dataType', 'maxFractionNaN'] });
    expect(byName.get('ratio_raw')!.tags).toEqual({});
  });

  it('keeps the type and origin of x on every node it makes', () => {
    expect(byName.get('score')!.type).toBe(Float64Array);
    expect(byName.get('score_raw')!.type).toBe(Float64Array);
    expect(byName.get('score_range_validator')!.origin).toBe('Scores.score');
  });
});

describe('checkOutput: running', () => {
  it('passes the value through unchanged when every check passes', async () => {
    const result = await run([10, 50]);
    expect(result.score).toEqual(new Float64Array([0.1, 0.5]));
  });

  it("throws DataValidationError for importance 'fail', naming node, validator and offending values", async () => {
    const error = (await run([10, 150, 170]).catch((e) => e)) as DataValidationError;
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.node).toBe('score');
    expect(error.validator).toBe('range');
    expect(error.offending).toEqual([1.5, 1.7]);
    expect(error.message).toBe(
      'node "score" failed validator range: 2 of 3 values are outside [0, 1]: [1] 1.5, [2] 1.7; fix the data or the node, or use { importance: \'warn\' } to only log',
    );
  });

  it("logs through the replaceable logger for importance 'warn' and still returns the value", async () => {
    const warnings: Array<[string, unknown]> = [];
    const previous = setLogger({ warn: (m, d) => warnings.push([m, d]) });
    try {
      const overrides = { score: new Float64Array([NaN, NaN, 0.1]) };
      const result = await new Driver({}, Scores).rawExecute(['ratio'], { overrides });
      expect((result.ratio as number[]).length).toBe(3);
    } finally {
      setLogger(previous);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0][0]).toBe(
      'node "ratio" failed validator maxFractionNaN: more than 0.5 of the entries are missing in the value: 2 of 3 missing (0.667)',
    );
    expect(warnings[0][1]).toMatchObject({ node: 'ratio', validator: 'maxFractionNaN', importance: 'warn', passed: false });
  });

  it('gives lifecycle adapters each outcome as the validator node result', async () => {
    const outcomes: ValidationOutcome[] = [];
    const collector: GraphAdapter = {
      postNodeExecute: ({ node, result }) => {
        if (node.tags[DATA_QUALITY_TAGS.containsResults] === 'true') outcomes.push(result as ValidationOutcome);
      },
    };
    await new Driver({}, Scores, { adapter: collector }).rawExecute(['score'], { inputs: { raw: new Float64Array([5]) } });
    expect(outcomes.sort((a, b) => a.validator.localeCompare(b.validator))).toEqual([
      { node: 'score', validator: 'allowNaN', importance: 'fail', passed: true, message: 'all 1 values are present', offending: [] },
      { node: 'score', validator: 'range', importance: 'fail', passed: true, message: 'all 1 values are within [0, 1]', offending: [] },
    ]);
  });

  it('runs the whole check under testNode', async () => {
    await expect(testNode(Scores, 'score', { raw: new Float64Array([500]) })).rejects.toThrow(DataValidationError);
    await expect(testNode(Scores, 'score', { raw: new Float64Array([50]) })).resolves.toEqual(new Float64Array([0.5]));
  });
});

describe('checkOutput: tables, custom validators, stacking', () => {
  const even = {
    name: 'even',
    validate: (v: unknown) => {
      const odd = (v as number[]).filter((x) => x % 2 !== 0);
      return { passed: odd.length === 0, message: `${odd.length} odd`, offending: odd };
    },
  };

  class Custom {
    @node()
    @checkOutput({ range: [0, 10] }, { importance: 'fail', columns: ['a'] })
    table(): unknown {
      return aq.table({ a: [1, 2], b: [100, 200] });
    }

    @node()
    @checkOutput({ custom: [even] }, { importance: 'fail' })
    @checkOutput({ nonEmpty: true })
    evens(): number[] {
      return [2, 3, 5];
    }
  }

  it('checks only the columns given', async () => {
    await expect(new Driver({}, Custom).rawExecute(['table'])).resolves.toBeDefined();
  });

  it("adds the offending values to a custom validator's message", async () => {
    const error = await new Driver({}, Custom).rawExecute(['evens']).catch((e) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toContain('node "evens" failed validator even: 2 odd (offending: 3, 5)');
  });

  it('merges a second checkOutput into the same checked node (the one nearer the method first)', () => {
    const evens = new Driver({}, Custom).listAvailableVariables().find((v) => v.name === 'evens')!;
    expect(evens.requiredDependencies).toEqual(['evens_raw', 'evens_nonEmpty_validator', 'evens_even_validator']);
  });
});
