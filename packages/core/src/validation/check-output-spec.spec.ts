import { parseOptions, parseValidators, VALIDATOR_KEYS } from './check-output-spec.js';

const where = 'Scores.score';

function problemsOf(spec: unknown, options?: unknown): string[] {
  const problems: string[] = [];
  parseOptions(options, where, (m) => problems.push(m));
  parseValidators(spec, undefined, where, (m) => problems.push(m));
  return problems;
}

describe('parseValidators', () => {
  it('makes one validator per key, and none for allowNaN: true / nonEmpty: false', () => {
    const made = parseValidators(
      { range: [0, 1], dataType: Number, allowNaN: true, nonEmpty: false, values: [1] },
      undefined,
      where,
      () => {},
    );
    expect(made.map((v) => v.name)).toEqual(['range', 'dataType', 'values']);
  });

  it('keeps custom validators as they are', () => {
    const mine = { name: 'mine', validate: () => ({ passed: true, message: '' }) };
    expect(parseValidators({ custom: [mine] }, undefined, where, () => {})).toEqual([mine]);
  });

  it('rejects an unknown key, listing the known ones', () => {
    expect(problemsOf({ ranges: [0, 1] })).toEqual([
      `${where}: @checkOutput has no validator "ranges"; the known ones are ${VALIDATOR_KEYS.join(', ')}, and custom: [validator] for your own`,
    ]);
  });

  it.each([
    [[5, 1], '[5,1]'],
    [[0], '[0]'],
    [[0, '1'], '[0,"1"]'],
    [[0, NaN], '[0,null]'],
    ['0-1', '"0-1"'],
  ])('rejects range %p as not a [min, max] pair', (range, shown) => {
    expect(problemsOf({ range })).toEqual([
      `${where}: @checkOutput range is ${shown}; give a [min, max] pair of numbers with min <= max, e.g. range: [0, 1]`,
    ]);
  });

  it('rejects bad arguments of the other built-ins, saying what to give', () => {
    const problems = problemsOf({ dataType: 'number', allowNaN: 'no', maxFractionNaN: 2, values: [], nonEmpty: 1 });
    expect(problems).toEqual([
      `${where}: @checkOutput dataType is "number"; give a constructor such as Number, String, Boolean or Float64Array`,
      `${where}: @checkOutput allowNaN is "no"; give true or false`,
      `${where}: @checkOutput maxFractionNaN is 2; give a fraction between 0 and 1, e.g. maxFractionNaN: 0.1`,
      `${where}: @checkOutput values is []; give a non-empty array of allowed values`,
      `${where}: @checkOutput nonEmpty is 1; give true or false`,
    ]);
  });

  it('rejects custom validators that are not { name, validate }', () => {
    const problems = problemsOf({ custom: [{ name: '', validate: () => null }, () => true] });
    expect(problems[0]).toContain(
      '@checkOutput custom[0] is {"name":""}; a custom validator is an object { name: string (non-empty), validate(value) }',
    );
    expect(problems[1]).toContain('@checkOutput custom[1] is function (anonymous)');
    expect(problemsOf({ custom: { name: 'x' } })[0]).toContain('custom is {"name":"x"}; give an array of validators');
  });

  it('rejects an empty spec and a spec that is not an object', () => {
    expect(problemsOf({})[0]).toBe(
      `${where}: @checkOutput names no validator; give at least one of ${VALIDATOR_KEYS.join(', ')} or custom: [validator]`,
    );
    expect(problemsOf([1, 2])[0]).toBe(`${where}: @checkOutput needs an object of validators such as { range: [0, 1] }, got [1,2]`);
  });
});

describe('parseOptions', () => {
  it("defaults to importance 'warn' and every column", () => {
    expect(parseOptions(undefined, where, () => {})).toEqual({ importance: 'warn', columns: undefined });
    expect(parseOptions({ importance: 'fail', columns: ['a'] }, where, () => {})).toEqual({ importance: 'fail', columns: ['a'] });
  });

  it('rejects a bad importance, bad columns and unknown options', () => {
    expect(problemsOf({ nonEmpty: true }, { importance: 'error', columns: 'a', level: 1 })).toEqual([
      `${where}: @checkOutput importance is "error"; use 'warn' or 'fail'`,
      `${where}: @checkOutput columns is "a"; give an array of column names, e.g. { columns: ['a', 'b'] }`,
      `${where}: @checkOutput has no option "level"; its options are importance and columns`,
    ]);
    expect(problemsOf({ nonEmpty: true }, 'fail')[0]).toContain(
      `@checkOutput options is "fail"; give { importance: 'warn' | 'fail', columns?: ['a'] }`,
    );
  });
});
