// A Nest application context over the installed packages: a @Pipeline() provider whose node calls
// an injected service, and the driver injected by class. Compiled strict, then run.
import 'reflect-metadata';
import { Driver, node, type RecordOfOutputs } from '@hamilton-ts/core';
import { HamiltonModule, Pipeline } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Injectable()
class Rates {
  toUsd(currency: string): number {
    return currency === 'EUR' ? 2 : 1;
  }
}

@Pipeline()
class Pricing {
  constructor(private readonly rates: Rates) {}

  @node()
  priceUsd(amount: number, currency: string): number {
    return amount * this.rates.toUsd(currency);
  }
}

@Module({ imports: [HamiltonModule.forRoot({ adapter: new DictResult() })], providers: [Rates, Pricing] })
class AppModule {}

const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
const driver = app.get<Driver<RecordOfOutputs, typeof Pricing>>(Driver);
const { priceUsd } = await driver.execute(['priceUsd'], { inputs: { amount: 21, currency: 'EUR' } });
const doubled: number = priceUsd;
await app.close();
if (doubled !== 42) throw new Error(`consumer check failed: Nest pipeline gave ${doubled}`);
console.log('consumer Nest app: the pipeline ran on the injected service');
