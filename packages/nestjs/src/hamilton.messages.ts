// Every text the Nest integration shows a user, in one place: each names the provider or driver,
// says what is wrong and what to do.

const describeDriver = (name: string | undefined) => (name === undefined ? 'the Hamilton driver' : `the Hamilton driver "${name}"`);

/** Why a pipeline has no single instance. */
export type PipelineScopeProblem = 'request' | 'request-dependency' | 'transient';

const scopeReasons: Record<PipelineScopeProblem, string> = {
  request: 'it is created per request',
  'request-dependency': 'it depends on a request-scoped provider, so Nest creates it per request too',
  transient: 'every injection gets a new instance',
};

export const messages = {
  scopedPipeline: (className: string, scope: PipelineScopeProblem, driver: string | undefined) =>
    `${className} is a ${scope === 'transient' ? 'transient' : 'request-scoped'} @Pipeline() provider, so it has no single instance for ${describeDriver(driver)} ` +
    `to call its @node methods on (${scopeReasons[scope]}). ` +
    'Make it a default-scope (singleton) provider and pass per-request values to execute() as inputs or overrides.',
  listedPipelineNotFound: (className: string, driver: string | undefined) =>
    `${describeDriver(driver)} lists ${className} in "pipelines", but no module provides it as a @Pipeline() provider; ` +
    'add @Pipeline() to the class and list it in the providers of a module of this application.',
  noPipelines: (driver: string | undefined, listed: boolean) =>
    `${describeDriver(driver)} found no @Pipeline() provider${listed ? ' among those listed in "pipelines"' : ''}; ` +
    'mark the classes holding @node methods with @Pipeline() and list them in the providers of a module.',
  adapterNotResolvable: (className: string, driver: string | undefined, reason: string) =>
    `${describeDriver(driver)} cannot create its adapter ${className} through dependency injection (${reason}); ` +
    'provide what its constructor needs in a global module, or use forRootAsync({ imports, inject, useFactory }).',
  badOptions: (driver: string | undefined, detail: string) => `${describeDriver(driver)}: ${detail}`,
};

export { describeDriver };
