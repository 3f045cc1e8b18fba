import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Builder, type CacheStatus, node } from '../../src/index.js';
import { cacheDirectory, statuses, withWarnings } from './cache-support.js';

// Random DAGs of generated node classes, run through a cached and an uncached driver: the cached one must
// give exactly the same values, and hit (without running a body) exactly where a node receives values it
// received in an earlier run.

/** The external inputs nodes may read, with the kind of value each holds. */
const INPUTS = ['a', 'b', 's', 'v'] as const;
type InputName = (typeof INPUTS)[number];
type Inputs = Record<InputName, unknown>;

/** What a node returns, made from the number its dependencies combine to. */
type Kind = 'num' | 'f64' | 'obj' | 'str' | 'lossy' | 'mixed';

interface NodeSpec {
  readonly name: string;
  /** Earlier nodes, then inputs: the method's parameters, in order. */
  readonly params: readonly string[];
  /** One coefficient per parameter, and a constant. */
  readonly coefficients: readonly number[];
  readonly constant: number;
  readonly kind: Kind;
  readonly async: boolean;
}

interface DagSpec {
  readonly nodes: readonly NodeSpec[];
  /** Every sink, and some other nodes: every node runs in every run. */
  readonly outputs: readonly string[];
  readonly inputs: readonly InputName[];
}

/** Bodies by kind: `x_` is the combined number (no input or node is named so). */
const RETURNS: Record<Kind, string> = {
  num: 'return x_;',
  f64: 'return Float64Array.from([x_, x_ * 0.5 - 1, -x_, 0]);',
  obj: "return { total: x_, parts: [x_, [1, x_ / 4, [x_ + 1]]], label: 'o', empty: [] };",
  str: "return 's:' + x_;",
  // Loses information, so different inputs can give equal values (and hits downstream of a change).
  lossy: 'return Math.round(Math.abs(x_)) % 3;',
  // A record holding a typed array: stored in the value codec's bytes, not JSON or Arrow.
  mixed: 'return { n: x_, values: Float64Array.of(x_, 2), nested: { list: [x_, "x"] } };',
};

/** Any node or input value as a number (the generated methods call it as `num`). */
function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const made = value.startsWith('s:') ? Number(value.slice(2)) : Number.NaN;
    return Number.isFinite(made) ? made : value.length;
  }
  if (value instanceof Float64Array) return value.reduce((sum, v) => sum + v, 0);
  if (value !== null && typeof value === 'object') {
    const record = value as { total?: number; parts?: [number, [number, number, number[]]]; n?: number; values?: Float64Array };
    if (record.total !== undefined) return record.total + record.parts![1][1] + record.parts![1][2][0];
    if (record.n !== undefined) return record.n + record.values![0];
  }
  throw new Error(`num: unexpected value ${String(value)}`);
}

/** A class whose methods are the nodes, compiled from source so the cache's code version sees each body. */
function generateModule(spec: DagSpec, calls: string[]): new () => object {
  const methods = spec.nodes.map((n) => {
    const terms = n.params.map((p, i) => `${n.coefficients[i]} * num(${p})`).join(' + ');
    const body = `calls.push(${JSON.stringify(n.name)}); const x_ = ${terms} + ${n.constant}; ${RETURNS[n.kind]}`;
    return `${n.async ? 'async ' : ''}${n.name}(${n.params.join(', ')}) { ${body} }`;
  });
  const cls = new Function('calls', 'num', `return class Generated {\n${methods.join('\n')}\n};`)(calls, num) as new () => object;
  const decorator = node();
  for (const n of spec.nodes) decorator(cls.prototype, n.name, Object.getOwnPropertyDescriptor(cls.prototype, n.name)!);
  return cls;
}

const coefficient = fc.constantFrom(-2, -1, -0.5, 0.5, 1, 2);

const dagArbitrary: fc.Arbitrary<DagSpec> = fc
  .integer({ min: 2, max: 12 })
  .chain((size) =>
    fc.tuple(
      ...Array.from({ length: size }, (_, i) =>
        fc.record({
          deps: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: Math.min(3, i) }),
          inputs: fc.uniqueArray(fc.constantFrom(...INPUTS), { minLength: 1, maxLength: 2 }),
          coefficients: fc.array(coefficient, { minLength: 5, maxLength: 5 }),
          constant: fc.integer({ min: -3, max: 3 }),
          kind: fc.constantFrom<Kind>('num', 'num', 'f64', 'obj', 'str', 'lossy', 'mixed'),
          async: fc.boolean(),
          output: fc.boolean(),
        }),
      ),
    ),
  )
  .map((raw) => {
    const nodes = raw.map((r, i) => ({
      name: `n${i}`,
      params: [...r.deps.filter((d) => d < i).map((d) => `n${d}`), ...r.inputs],
      coefficients: r.coefficients,
      constant: r.constant,
      kind: r.kind,
      async: r.async,
    }));
    const used = new Set(nodes.flatMap((n) => n.params));
    const outputs = nodes.filter((n, i) => !used.has(n.name) || raw[i].output).map((n) => n.name);
    const inputs = INPUTS.filter((name) => used.has(name));
    return { nodes, outputs, inputs };
  });

/** Bounded, so that no graph overflows to infinities and NaNs (see below). */
const numberInput = fc.oneof(
  fc.constantFrom(0, -0, 1, 2.5, -3),
  fc.integer({ min: -100, max: 100 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const inputArbitraries: Record<InputName, fc.Arbitrary<unknown>> = {
  a: numberInput,
  b: numberInput,
  s: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('s:1', 's:-0', 's:2.5')),
  v: fc.float64Array({ maxLength: 4, min: -1e6, max: 1e6, noNaN: true }),
};
// Values stay finite: a NaN's bits (its sign) are the engine's choice and may differ between two runs of
// the same code (interpreted or optimised), so a typed array holding one is not a deterministic result.
const inputsArbitrary: fc.Arbitrary<Inputs> = fc.record(inputArbitraries);

/** After the first run: the inputs of an earlier run again, or the previous run's with one input changed. */
type Step = { readonly repeat: number } | { readonly change: InputName; readonly value: unknown };
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ repeat: fc.nat() }),
  fc.constantFrom(...INPUTS).chain((change) => fc.record({ change: fc.constant(change), value: inputArbitraries[change] })),
);

function runInputs(first: Inputs, steps: readonly Step[]): Inputs[] {
  const runs = [first];
  for (const step of steps)
    runs.push('repeat' in step ? runs[step.repeat % runs.length] : { ...runs[runs.length - 1], [step.change]: step.value });
  return runs;
}

/** The named fields (the inputs a graph reads: a driver is given only those; or the outputs asked for). */
function pick(record: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, record[name]]));
}

/** Text equal exactly when two values have equal content in the cache's sense (-0 is not 0; typed arrays are not arrays). */
function canonical(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? 'n-0' : `n${value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (value instanceof Float64Array) return `F[${[...value].map(canonical).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  throw new Error(`canonical: unexpected value ${String(value)}`);
}

/** Fails unless both values have the same constructors all the way down (toStrictEqual checks types, this says where). */
function expectSameTypes(actual: unknown, expected: unknown, path: string): void {
  if (expected === null || typeof expected !== 'object') return;
  const a = (actual as object | null)?.constructor?.name;
  const e = (expected as object).constructor?.name;
  if (a !== e) throw new Error(`${path}: a ${a} where the uncached run gave a ${e}`);
  if (ArrayBuffer.isView(expected)) return;
  for (const key of Object.keys(expected))
    expectSameTypes((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
}

type Behavior = 'default' | 'recompute' | 'disable';

interface Scenario {
  readonly dag: DagSpec;
  readonly runs: readonly Inputs[];
  /** Behaviors given through withCache; nodes not named keep 'default'. */
  readonly behaviors: Readonly<Record<string, Behavior>>;
  /** The outputs asked for in each run (default: the graph's outputs in every run). */
  readonly outputs?: readonly (readonly string[])[];
  /** A new cached driver over the same directory for each run, instead of one for all. */
  readonly driverPerRun?: boolean;
}

/** The nodes a run of `outputs` computes: the outputs and everything upstream. */
function upstream(dag: DagSpec, outputs: readonly string[]): Set<string> {
  const needed = new Set(outputs);
  for (const n of [...dag.nodes].reverse()) if (needed.has(n.name)) for (const p of n.params) if (p.startsWith('n')) needed.add(p);
  return needed;
}

/**
 * Runs the scenario through an uncached driver (every node, for the expected values and what each
 * node receives) and a cached driver (the outputs), checking values, statuses (a node hits exactly
 * when it receives the values it received in an earlier run that stored it) and which bodies ran.
 */
async function checkScenario({ dag, runs, behaviors, outputs, driverPerRun }: Scenario): Promise<void> {
  const calls: string[] = [];
  const Module = generateModule(dag, calls);
  const all = dag.nodes.map((n) => n.name);
  const named = (b: Behavior) => all.filter((name) => behaviors[name] === b);
  const dir = cacheDirectory();
  const makeCached = () =>
    new Builder()
      .withModules(Module)
      .withCache({ path: dir.path, recompute: named('recompute'), disable: named('disable') })
      .build();
  const uncached = new Builder().withModules(Module).build();
  let cached = makeCached();
  /** Per node, the canonical texts of the arguments it received in earlier runs that stored it (its keys, in effect). */
  const seen = new Map<string, Set<string>>(all.map((name) => [name, new Set()]));
  const earlier: string[] = [];
  try {
    for (const [index, inputs] of runs.entries()) {
      const where = `run ${index}`;
      const wanted = outputs?.[index] ?? dag.outputs;
      const given = pick(inputs, dag.inputs);
      const values: Record<string, unknown> = { ...given, ...(await uncached.rawExecute(all, { inputs: given })) };
      if (driverPerRun && index > 0) cached = makeCached();
      calls.length = 0;
      const { result, warnings } = await withWarnings(() => cached.rawExecute(wanted, { inputs: given }));
      expect({ where, warnings }).toEqual({ where, warnings: [] });
      const expected = pick(values, wanted);
      expect(result).toStrictEqual(expected);
      for (const name of wanted) expectSameTypes(result[name], expected[name], `${where} ${name}`);

      const needed = upstream(dag, wanted);
      const expectedStatuses: Record<string, CacheStatus> = {};
      for (const n of dag.nodes) {
        if (!needed.has(n.name)) continue;
        const key = canonical(n.params.map((p) => values[p]));
        const behavior = behaviors[n.name] ?? 'default';
        const seenBefore = seen.get(n.name)!;
        expectedStatuses[n.name] =
          behavior === 'recompute' ? 'recompute' : behavior === 'disable' ? 'disabled' : seenBefore.has(key) ? 'hit' : 'miss';
        if (behavior !== 'disable') seenBefore.add(key);
      }
      expect({ where, statuses: statuses(cached.cache) }).toEqual({ where, statuses: expectedStatuses });
      const ran = Object.keys(expectedStatuses).filter((name) => expectedStatuses[name] !== 'hit');
      expect({ where, ran: [...calls].sort() }).toEqual({ where, ran: ran.sort() });
      // A run repeating an earlier run (inputs and outputs) runs no body, unless a behavior says so.
      const run = canonical([given, [...wanted]]);
      if (Object.keys(behaviors).length === 0 && earlier.includes(run)) {
        expect({ where, calls }).toEqual({ where, calls: [] });
        expect(new Set(Object.values(statuses(cached.cache)))).toEqual(new Set(['hit']));
      }
      earlier.push(run);
    }
  } finally {
    await cached.cache.close();
    await dir.cleanup();
  }
}

const runsArbitrary = fc
  .tuple(inputsArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 3 }))
  .map(([first, steps]) => runInputs(first, steps));

describe('a cached driver, on random graphs and runs', () => {
  it('returns what an uncached driver returns, and hits exactly where a node receives what it received before', async () => {
    await fc.assert(
      fc.asyncProperty(dagArbitrary, runsArbitrary, async (dag, runs) => checkScenario({ dag, runs, behaviors: {} })),
      { numRuns: 25 },
    );
  }, 60_000);

  it('hits every node, running none, when a run repeats the inputs of an earlier one', async () => {
    const repeated = fc
      .tuple(inputsArbitrary, fc.array(stepArbitrary, { minLength: 0, maxLength: 2 }), fc.nat())
      .map(([first, steps, back]) => {
        const runs = runInputs(first, steps);
        return [...runs, runs[back % runs.length]];
      });
    await fc.assert(
      fc.asyncProperty(dagArbitrary, repeated, async (dag, runs) => checkScenario({ dag, runs, behaviors: {} })),
      { numRuns: 25 },
    );
  }, 60_000);

  it('hits what earlier runs stored when runs ask for different outputs, in one driver or a new driver per run', async () => {
    const scenarios = dagArbitrary.chain((dag) =>
      fc.record({
        dag: fc.constant(dag),
        runs: runsArbitrary,
        outputs: fc.array(
          fc.subarray(
            dag.nodes.map((n) => n.name),
            { minLength: 1 },
          ),
          { minLength: 4, maxLength: 4 },
        ),
        driverPerRun: fc.boolean(),
        behaviors: fc.constant({}),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenarios, async (scenario) => checkScenario(scenario)),
      { numRuns: 25 },
    );
  }, 60_000);

  it('returns the same values whatever nodes are set to recompute or disable', async () => {
    const withBehaviors = dagArbitrary.chain((dag) =>
      fc.record({
        dag: fc.constant(dag),
        runs: runsArbitrary,
        behaviors: fc
          .array(fc.constantFrom<Behavior>('default', 'default', 'recompute', 'disable'), {
            minLength: dag.nodes.length,
            maxLength: dag.nodes.length,
          })
          .map((list) => Object.fromEntries(dag.nodes.flatMap((n, i) => (list[i] === 'default' ? [] : [[n.name, list[i]]])))),
      }),
    );
    await fc.assert(
      fc.asyncProperty(withBehaviors, async (scenario) => checkScenario(scenario)),
      { numRuns: 25 },
    );
  }, 60_000);
});
