import 'reflect-metadata';
import { AsyncDriver, Driver, type GraphAdapter, type NodeExecuteContext } from '@hamilton-ts/core';
import { HamiltonModule, InjectDriver } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InventoryPipeline, PricingPipeline, RatesService, ShippingPipeline } from './fixtures.js';

const order = { amount: 100, currency: 'EUR', weightKg: 2 };

describe('HamiltonModule.forRoot', () => {
  it('injects a Driver whose nodes run on the Nest-managed pipeline instances', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ adapter: new DictResult() })],
      providers: [RatesService, PricingPipeline, ShippingPipeline],
    }).compile();
    await moduleRef.init();
    const driver = moduleRef.get(Driver);
    expect(driver).toBeInstanceOf(Driver);
    expect(await driver.execute(['priceUsd', 'total'], { inputs: order })).toEqual({ priceUsd: 110.00000000000001, total: 141 });
    expect(driver.listAvailableVariables().map((v) => v.name)).toEqual(
      expect.arrayContaining(['priceUsd', 'withTax', 'shipping', 'total', 'amount', 'currency', 'weightKg']),
    );
    await moduleRef.close();
  });

  it('reaches a provider replaced with overrideProvider inside the nodes', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ adapter: new DictResult() })],
      providers: [RatesService, PricingPipeline],
    })
      .overrideProvider(RatesService)
      .useValue({ toUsd: () => 2 })
      .compile();
    await moduleRef.init();
    expect(await moduleRef.get(Driver).execute(['priceUsd'], { inputs: order })).toEqual({ priceUsd: 200 });
    await moduleRef.close();
  });

  it('builds on first use when the testing module was compiled but not initialised', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ config: { currency: 'USD' } })],
      providers: [RatesService, PricingPipeline],
    }).compile();
    const driver = moduleRef.get<Driver>(Driver);
    expect(driver.graph.nodes.has('priceUsd')).toBe(true);
    const table = await driver.execute(['priceUsd'], { inputs: { amount: 3 } });
    expect(table.objects()).toEqual([{ priceUsd: 3 }]);
    await moduleRef.close();
  });

  it('makes an AsyncDriver, injected by its class, with async: true', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ async: true, maxConcurrency: 4, adapter: new DictResult() })],
      providers: [RatesService, PricingPipeline],
    }).compile();
    await moduleRef.init();
    const driver = moduleRef.get(AsyncDriver);
    expect(driver).toBeInstanceOf(AsyncDriver);
    expect(moduleRef.get(Driver)).toBe(driver);
    expect(await driver.execute(['withTax'], { inputs: { amount: 10, currency: 'USD' } })).toEqual({ withTax: 12 });
    await moduleRef.close();
  });
});

describe('named drivers', () => {
  @Injectable()
  class Checkout {
    constructor(
      @InjectDriver('pricing') readonly pricing: Driver,
      @InjectDriver('stock') readonly stock: Driver,
    ) {}
  }

  it('gives each driver its own pipelines, injected by name', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        HamiltonModule.forRoot({ name: 'pricing', pipelines: [PricingPipeline, ShippingPipeline], adapter: new DictResult() }),
        HamiltonModule.forRoot({ name: 'stock', pipelines: [InventoryPipeline], adapter: new DictResult() }),
      ],
      providers: [RatesService, PricingPipeline, ShippingPipeline, InventoryPipeline, Checkout],
    }).compile();
    await moduleRef.init();
    const { pricing, stock } = moduleRef.get(Checkout);
    expect(pricing).not.toBe(stock);
    expect(await pricing.execute(['total'], { inputs: order })).toEqual({ total: 141 });
    expect(await stock.execute(['inStock'], { inputs: { quantity: 0 } })).toEqual({ inStock: false });
    expect(stock.graph.nodes.has('priceUsd')).toBe(false);
    expect(pricing.graph.nodes.has('inStock')).toBe(false);
    await moduleRef.close();
  });
});

describe('HamiltonModule.forRootAsync', () => {
  @Injectable()
  class Settings {
    readonly region = 'EU';
    readonly taxRate = 0.1;
  }

  @Module({ providers: [Settings], exports: [Settings] })
  class SettingsModule {}

  it('takes its options from a factory with injected providers', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        HamiltonModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: (settings: Settings) => ({ config: { taxRate: settings.taxRate }, adapter: new DictResult() }),
        }),
      ],
      providers: [RatesService, PricingPipeline],
    }).compile();
    await moduleRef.init();
    expect(await moduleRef.get(Driver).execute(['withTax'], { inputs: { amount: 10, currency: 'USD' } })).toEqual({ withTax: 11 });
    await moduleRef.close();
  });

  it('names an async-configured driver too', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRootAsync({ name: 'late', useFactory: async () => ({ adapter: new DictResult() }) })],
      providers: [InventoryPipeline],
    }).compile();
    await moduleRef.init();
    const driver = moduleRef.get<Driver>('@hamilton-ts/nestjs:driver:late');
    expect(await driver.execute(['inStock'], { inputs: { quantity: 3 } })).toEqual({ inStock: true });
    await moduleRef.close();
  });
});

describe('adapters as Nest providers', () => {
  const logged: string[] = [];

  @Injectable()
  class AuditLog {
    write(line: string): void {
      logged.push(line);
    }
  }

  @Global()
  @Module({ providers: [AuditLog], exports: [AuditLog] })
  class AuditModule {}

  @Injectable()
  class AuditAdapter implements GraphAdapter {
    constructor(private readonly log: AuditLog) {}

    postNodeExecute({ node, success }: { node: { name: string }; success: boolean }): void {
      this.log.write(`${node.name}:${success ? 'ok' : 'failed'}`);
    }
  }

  it('creates an adapter class with injection, for forRoot', async () => {
    logged.length = 0;
    const moduleRef = await Test.createTestingModule({
      imports: [AuditModule, HamiltonModule.forRoot({ adapter: [AuditAdapter, new DictResult()] })],
      providers: [InventoryPipeline],
    }).compile();
    await moduleRef.init();
    await moduleRef.get(Driver).execute(['inStock'], { inputs: { quantity: 1 } });
    expect(logged).toEqual(['inStock:ok']);
    await moduleRef.close();
  });

  it('takes an adapter provider injected into the forRootAsync factory, e.g. one using Nest’s Logger', async () => {
    const lines: string[] = [];
    @Injectable()
    class NestLoggerAdapter implements GraphAdapter {
      private readonly logger = new Logger('Hamilton');
      doNodeExecute(ctx: NodeExecuteContext, next: (ctx: NodeExecuteContext) => unknown): unknown {
        lines.push(`run ${ctx.node.name}`);
        this.logger.debug?.(`running ${ctx.node.name}`);
        return next(ctx);
      }
    }
    @Module({ providers: [NestLoggerAdapter], exports: [NestLoggerAdapter] })
    class LoggingModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        HamiltonModule.forRootAsync({
          imports: [LoggingModule],
          inject: [NestLoggerAdapter],
          useFactory: (logging: NestLoggerAdapter) => ({ adapter: [logging, new DictResult()] }),
        }),
      ],
      providers: [InventoryPipeline],
    }).compile();
    await moduleRef.init();
    await moduleRef.get(Driver).execute(['inStock'], { inputs: { quantity: 1 } });
    expect(lines).toEqual(['run inStock']);
    await moduleRef.close();
  });

  it('closes adapters that can be closed when the module is destroyed', async () => {
    let closed = 0;
    const engine: GraphAdapter & { close(): Promise<void> } = {
      async close() {
        closed++;
      },
    };
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ adapter: [engine] })],
      providers: [InventoryPipeline],
    }).compile();
    await moduleRef.init();
    await moduleRef.close();
    expect(closed).toBe(1);
  });
});
