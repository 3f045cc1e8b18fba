import * as core from '@hamilton-ts/core';
import { Driver, node } from '@hamilton-ts/core';
import { defineClass, generateClass, type MethodSpec } from '../fixtures/generate-class.js';
import { compare } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

const OUTPUTS = 5_000;

/** What the scenario needs from core; absent until `parameterize` is exported. */
interface ParameterizeApi {
  parameterize(outputs: Record<string, Record<string, unknown>>): MethodDecorator;
  value(x: unknown): unknown;
  source(name: string): unknown;
}

/** One method expanded into 5,000 nodes by `@parameterize`, built against 5,000 plain methods. */
const scenario: Scenario = {
  id: 'parameterize-build',
  title: '5,000-output `parameterize` build',
  description:
    `One method \`scaled(x, factor, offset)\` under \`@parameterize\` with ${OUTPUTS.toLocaleString('en-US')} outputs ` +
    '(`factor: value(i)`, `offset: source(...)`): `new Driver` time per output node, timed in alternation with a ' +
    `class of ${OUTPUTS.toLocaleString('en-US')} plain methods of the same shape.`,
  order: 60,
  async run(ctx) {
    const api = parameterizeApi();
    if (!api) return ctx.skip('`parameterize` / `value` / `source` are not exported by @hamilton-ts/core yet');
    const parameterized = parameterizedModule(api);
    const plain = plainModule();
    const built = new Driver({}, parameterized);
    const missing = ['out0', `out${OUTPUTS - 1}`].filter((n) => !built.graph.nodes.has(n));
    if (missing.length) throw new Error(`the parameterized graph lacks ${missing.join(', ')}`);
    const c = await compare(
      () => new Driver({}, parameterized),
      () => new Driver({}, plain),
      {
        warmup: 3,
        samples: ctx.quick ? 5 : 15,
      },
    );
    const perNode = 1000 / OUTPUTS;
    ctx.record({
      label: `build, ${OUTPUTS.toLocaleString('en-US')} parameterized outputs`,
      value: c.subject.median * perNode,
      unit: 'µs/node',
      spread: { min: c.subject.min * perNode, max: c.subject.max * perNode },
      note: `${OUTPUTS.toLocaleString('en-US')} plain methods: ${(c.baseline.median * perNode).toFixed(2)} µs/node; ratio ${c.ratio.median.toFixed(2)}×`,
    });
  },
};

function parameterizeApi(): ParameterizeApi | undefined {
  const exported = core as unknown as Partial<ParameterizeApi>;
  const ok = typeof exported.parameterize === 'function' && typeof exported.value === 'function' && typeof exported.source === 'function';
  return ok ? (exported as ParameterizeApi) : undefined;
}

/** `scaled(x, factor, offset)` as out0 … out4999; the offset of each output is the input `base`. */
function parameterizedModule(api: ParameterizeApi): new () => object {
  const spec: MethodSpec = {
    name: 'scaled',
    params: ['x', 'factor', 'offset'],
    body: 'return x * factor + offset;',
    paramTypes: [Number, Number, Number],
    returnType: Number,
  };
  const cls = defineClass('Parameterized', [spec]);
  const outputs: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < OUTPUTS; i++) outputs[`out${i}`] = { factor: api.value(i), offset: api.source('base') };
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, spec.name)!;
  Reflect.defineMetadata('design:paramtypes', spec.paramTypes, cls.prototype, spec.name);
  Reflect.defineMetadata('design:returntype', spec.returnType, cls.prototype, spec.name);
  api.parameterize(outputs)(cls.prototype, spec.name, descriptor);
  node()(cls.prototype, spec.name, descriptor);
  return cls;
}

/** The same 5,000 nodes written out as methods: `out7(x, base) { return x * 7 + base; }`. */
function plainModule(): new () => object {
  const methods: MethodSpec[] = [];
  for (let i = 0; i < OUTPUTS; i++)
    methods.push({
      name: `out${i}`,
      params: ['x', 'base'],
      body: `return x * ${i} + base;`,
      paramTypes: [Number, Number],
      returnType: Number,
    });
  return generateClass('Plain', methods);
}

export default scenario;
