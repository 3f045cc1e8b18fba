import { Driver } from '@hamilton-ts/core';
import { HamiltonModule, Pipeline } from '@hamilton-ts/nestjs';
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { decorate, defineClass, type MethodSpec } from '../fixtures/generate-class.js';
import { compare } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

const PIPELINES = 50;
const NODES_PER_PIPELINE = 20;

/** Pipeline i: a chain `p{i}n0(x) → p{i}n1 → …`, marked @Pipeline() as a Nest provider. */
function pipelineClasses(): Type[] {
  const classes: Type[] = [];
  for (let p = 0; p < PIPELINES; p++) {
    const methods: MethodSpec[] = [];
    for (let n = 0; n < NODES_PER_PIPELINE; n++) {
      const param = n === 0 ? 'x' : `p${p}n${n - 1}`;
      methods.push({ name: `p${p}n${n}`, params: [param], body: `return ${param} + 1;`, paramTypes: [Number], returnType: Number });
    }
    const cls = defineClass(`Pipeline${p}`, methods);
    decorate(cls.prototype, methods);
    Pipeline()(cls);
    classes.push(cls as Type);
  }
  return classes;
}

/** An application module holding the pipelines as providers, with or without a Hamilton driver. */
function appModule(providers: Type[], withHamilton: boolean): Type {
  class AppModule {}
  Module({ imports: withHamilton ? [HamiltonModule.forRoot({})] : [], providers })(AppModule);
  return AppModule;
}

async function bootstrap(module: Type, withHamilton: boolean): Promise<void> {
  const app = await NestFactory.createApplicationContext(module, { logger: false });
  if (withHamilton && app.get<Driver>(Driver).graph.nodes.size !== PIPELINES * NODES_PER_PIPELINE + 1)
    throw new Error('the driver did not get every pipeline');
  await app.close();
}

/** What HamiltonModule adds to a Nest application's startup: discovery of the pipelines and the driver's build. */
const scenario: Scenario = {
  id: 'nest-bootstrap',
  title: `NestJS bootstrap with ${PIPELINES} pipelines of ${NODES_PER_PIPELINE} nodes`,
  description:
    `An application context (\`NestFactory.createApplicationContext\`) whose module provides ${PIPELINES} \`@Pipeline()\` ` +
    `classes of ${NODES_PER_PIPELINE} chained nodes each, started and closed with \`HamiltonModule.forRoot()\` imported ` +
    'and without it, in alternation; the figure is the difference of the medians: discovering the pipelines and ' +
    'building the driver over them.',
  order: 70,
  async run(ctx) {
    const classes = pipelineClasses();
    const withDriver = appModule(classes, true);
    const without = appModule(classes, false);
    const c = await compare(
      () => bootstrap(withDriver, true),
      () => bootstrap(without, false),
      { warmup: 3, samples: ctx.quick ? 7 : 21 },
    );
    ctx.record({
      label: `bootstrap added by HamiltonModule, ${PIPELINES} × ${NODES_PER_PIPELINE} nodes`,
      value: c.subject.median - c.baseline.median,
      unit: 'ms',
      target: 'nest-bootstrap',
      note: `with the driver ${c.subject.median.toFixed(1)} ms, without ${c.baseline.median.toFixed(1)} ms`,
    });
  },
};

export default scenario;
