import 'reflect-metadata';
import { GraphBuildError, node } from '@hamilton-ts/core';
import { HamiltonModule, type HamiltonModuleOptions, Pipeline } from '@hamilton-ts/nestjs';
import { describe, expect, it } from '@jest/globals';
import { Inject, Injectable, Scope, type Type } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { InventoryPipeline, PricingPipeline, RatesService } from './fixtures.js';

/** Compiles and initialises a testing module; returns what bootstrap threw. */
async function bootstrapError(providers: Type[], options: HamiltonModuleOptions = {}): Promise<GraphBuildError> {
  const moduleRef = await Test.createTestingModule({ imports: [HamiltonModule.forRoot(options)], providers }).compile();
  try {
    await moduleRef.init();
  } catch (error) {
    await moduleRef.close().catch(() => undefined);
    if (error instanceof GraphBuildError) return error;
    throw error;
  }
  await moduleRef.close();
  throw new Error('bootstrap was expected to fail');
}

@Pipeline()
class DuplicatePricing {
  @node()
  priceUsd(amount: number): number {
    return amount;
  }
}

@Pipeline()
class Cyclic {
  @node()
  a(b: number): number {
    return b;
  }

  @node()
  b(a: number): number {
    return a;
  }
}

@Pipeline()
class Mismatched {
  @node()
  label(): string {
    return 'x';
  }

  @node()
  doubled(label: number): number {
    return label * 2;
  }
}

@Pipeline()
class NoNodes {
  helper(): number {
    return 1;
  }
}

describe('graph problems fail bootstrap with the GraphBuildError text', () => {
  it('duplicate node names across pipelines', async () => {
    const error = await bootstrapError([RatesService, PricingPipeline, DuplicatePricing]);
    expect(error.message).toMatch(/priceUsd/);
    expect(error.message).toMatch(/PricingPipeline/);
    expect(error.message).toMatch(/DuplicatePricing/);
  });

  it('a cycle, with its whole path', async () => {
    expect((await bootstrapError([Cyclic])).message).toMatch(/a -> b -> a|b -> a -> b/);
  });

  it('incompatible edge types', async () => {
    const error = await bootstrapError([Mismatched]);
    expect(error.message).toMatch(/label/);
    expect(error.message).toMatch(/doubled/);
  });

  it('a @Pipeline() without any @node method', async () => {
    expect((await bootstrapError([NoNodes])).message).toMatch(/NoNodes/);
  });

  it('no @Pipeline() provider at all', async () => {
    expect((await bootstrapError([RatesService])).message).toMatch(/found no @Pipeline\(\) provider/);
  });

  it('a listed pipeline that no module provides', async () => {
    const error = await bootstrapError([InventoryPipeline], { pipelines: [InventoryPipeline, PricingPipeline] });
    expect(error.message).toMatch(/lists PricingPipeline in "pipelines", but no module provides it/);
  });
});

@Pipeline()
@Injectable({ scope: Scope.REQUEST })
class PerRequestPipeline {
  @node()
  perRequest(): number {
    return 1;
  }
}

@Pipeline()
@Injectable({ scope: Scope.TRANSIENT })
class TransientPipeline {
  @node()
  transient(): number {
    return 1;
  }
}

@Injectable({ scope: Scope.REQUEST })
class CurrentUser {
  constructor(@Inject(REQUEST) readonly request: unknown) {}
}

@Pipeline()
class UsesRequestScope {
  constructor(readonly user: CurrentUser) {}

  @node()
  userNode(): number {
    return 1;
  }
}

describe('scoped pipelines are refused at bootstrap, saying why and what to do', () => {
  it('a request-scoped pipeline', async () => {
    const error = await bootstrapError([PerRequestPipeline]);
    expect(error.message).toMatch(/PerRequestPipeline is a request-scoped @Pipeline\(\) provider, .*\(it is created per request\)/);
    expect(error.message).toMatch(/Make it a default-scope \(singleton\) provider and pass per-request values to execute\(\) as inputs/);
  });

  it('a transient pipeline', async () => {
    expect((await bootstrapError([TransientPipeline])).message).toMatch(/TransientPipeline is a transient @Pipeline\(\) provider/);
  });

  it('a pipeline that depends on a request-scoped provider', async () => {
    expect((await bootstrapError([CurrentUser, UsesRequestScope])).message).toMatch(
      /UsesRequestScope is a request-scoped @Pipeline\(\) provider, .*\(it depends on a request-scoped provider, so Nest creates it per request too\)/,
    );
  });
});

describe('adapters that cannot be created', () => {
  @Injectable()
  class Missing {}

  @Injectable()
  class NeedsMissing {
    constructor(readonly missing: Missing) {}
  }

  it('names the adapter and says how to provide what it needs', async () => {
    const error = await bootstrapError([InventoryPipeline], { adapter: NeedsMissing as Type });
    expect(error.message).toMatch(/cannot create its adapter NeedsMissing through dependency injection/);
    expect(error.message).toMatch(/forRootAsync/);
  });
});
