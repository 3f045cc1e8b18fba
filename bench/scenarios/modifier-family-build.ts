import * as core from '@hamilton-ts/core';
import { defineClass, type MethodSpec } from '../fixtures/generate-class.js';
import { measure } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

const METHODS = 1_000;

/** A small module reused by every subdag of the class. */
class Inner {
  @core.node() total(raw: number): number {
    return raw * 2;
  }
}

type Decorate = (i: number) => MethodDecorator[];
const double = (x: number) => x * 2;
const plusOne = (x: number) => x + 1;

/**
 * Every modifier of the family, one per method in turn: what each method is declared as (parameters
 * and body) and the decorators it carries besides `@node()` (`null`: a `@mutate` helper, not a node).
 */
export const KINDS: ReadonlyArray<{ params: string[]; body: string; decorate: Decorate; isNode?: false }> = [
  { params: ['x'], body: 'return x;', decorate: () => [core.config.when({ on: true })] },
  { params: ['x'], body: 'return x;', decorate: () => [core.config.when((c) => c.on === true)] },
  {
    params: ['x', 'k'],
    body: 'return x * k;',
    decorate: (i) => [core.parameterize({ [`a${i}`]: { k: core.value(1) }, [`b${i}`]: [{ k: core.value(2) }, 'doc of {output}'] })],
  },
  { params: ['x', 'k'], body: 'return x * k;', decorate: () => [core.inject({ k: core.value(3) })] },
  {
    params: ['x'],
    body: 'return { c: [x], d: [x] };',
    decorate: (i) => [core.extractColumns(`c${i}`, [`d${i}`, 'a column'], { fillWith: 0 })],
  },
  { params: ['x'], body: 'return {};', decorate: (i) => [core.extractFields({ [`e${i}`]: Number, [`f${i}`]: Number }, { fillWith: 0 })] },
  { params: ['x'], body: 'return [x, x];', decorate: (i) => [core.unpackFields(`p${i}`, `q${i}`)] },
  {
    params: ['x', 'y'],
    body: 'return x + y;',
    decorate: () => [core.pipe(core.step(double).named('twice'), { onInput: 'y', namespace: true })],
  },
  { params: ['x'], body: 'return x;', decorate: () => [core.pipeOutput(core.step(double), core.step(plusOne))] },
  {
    params: ['x'],
    body: 'return x;',
    decorate: () => [core.checkOutput({ range: [0, 10] }), core.tag({ owner: 'bench', 'team.name': 'core' })],
  },
  {
    params: ['x', 'k'],
    body: 'return { [`g`]: [x * k], [`h`]: [x] };',
    decorate: (i) => [
      core.parameterizeExtractColumns(
        { columns: [`g${i}`, `h${i}`], bindings: { k: core.value(1) } },
        { columns: [`g${i}b`, `h${i}b`], bindings: { k: core.value(2) } },
      ),
    ],
  },
  {
    params: ['total'],
    body: 'return total;',
    decorate: (i) => [core.subdag(Inner, { inputs: { raw: core.source('x') }, externalInputs: [] })],
  },
  {
    params: ['total'],
    body: 'return total;',
    decorate: (i) => [
      core.parameterizedSubdag(Inner, { [`s${i}a`]: { inputs: { raw: core.value(1) } }, [`s${i}b`]: { inputs: { raw: core.value(2) } } }),
    ],
  },
  { params: ['v'], body: 'return v + 1;', decorate: (i) => [core.mutate(`m${i - 13}`)], isNode: false },
];

/** 1,000 methods cycling through every modifier, built with `new Driver`: time per node of the graph. */
const scenario: Scenario = {
  id: 'modifier-family-build',
  title: 'Build of a class using every modifier',
  description:
    `A class of ${METHODS.toLocaleString('en-US')} methods, each carrying one modifier of the family in turn (config.when with values ` +
    'and with a resolver, parameterize with per-output docs, inject, extractColumns and extractFields with fillWith, unpackFields, ' +
    'pipe on a chosen input, pipeOutput, checkOutput with tags, parameterizeExtractColumns, subdag, parameterizedSubdag, mutate): ' +
    '`new Driver` time divided by the nodes the graph holds, after warming up on 50k built nodes as the chain builds do; ' +
    'the first build is shown too.',
  order: 61,
  async run(ctx) {
    const cls = familyClass();
    const config = { on: true };
    const started = performance.now();
    const size = new core.Driver(config, cls).graph.nodes.size;
    const first = performance.now() - started;
    // Warmed up on 50k built nodes, as the chain builds are: code run once per modifier use is optimised only
    // after some builds, and a figure taken before would measure V8's tiers rather than the builder.
    const warmup = Math.max(3, Math.round(50_000 / size));
    const s = await measure(() => new core.Driver(config, cls), { warmup, samples: ctx.quick ? 5 : 15 });
    const perNode = 1000 / size;
    ctx.record({
      label: 'first build of the class (unoptimised code)',
      value: first * perNode,
      unit: 'µs/node',
      note: 'informative: what one build costs before V8 optimises the modifiers',
    });
    ctx.record({
      label: `build, ${METHODS.toLocaleString('en-US')} methods → ${size.toLocaleString('en-US')} nodes`,
      value: s.median * perNode,
      unit: 'µs/node',
      spread: { min: s.min * perNode, max: s.max * perNode },
      target: 'modifier-family-build',
    });
  },
};

function familyClass(): new () => object {
  const specs: MethodSpec[] = [];
  for (let i = 0; i < METHODS; i++) {
    const kind = KINDS[i % KINDS.length];
    specs.push({ name: `m${i}`, params: kind.params, body: kind.body });
  }
  const cls = defineClass('Family', specs);
  specs.forEach((spec, i) => {
    const kind = KINDS[i % KINDS.length];
    const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, spec.name)!;
    const decorators = kind.isNode === false ? kind.decorate(i) : [...kind.decorate(i), core.node()];
    for (const decorate of decorators) decorate(cls.prototype, spec.name, descriptor);
  });
  return cls;
}

export default scenario;
