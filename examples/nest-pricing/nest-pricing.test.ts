// The pricing API over real HTTP: the app listens on a free local port and is called with fetch.
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppModule } from './app.module.js';
import { RatesService } from './rates.service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the app on a free port of 127.0.0.1; returns its base URL. */
async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  return `http://127.0.0.1:${port}`;
}

function postQuote(base: string, order: unknown, query = ''): Promise<Response> {
  return fetch(`${base}/quotes${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
}

describe('examples/nest-pricing over HTTP', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(AppModule, { logger: false });
    base = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('quotes an order: USD price, discount, VAT and total, to the cent', async () => {
    const response = await postQuote(base, { amount: 100, currency: 'EUR', country: 'DE', discountPercent: 10 });
    expect(response.status).toBe(200);
    // 100 EUR = 108 USD; 10% off leaves 97.20; 19% German VAT on that is 18.468, so 18.47.
    expect(await response.json()).toEqual({ priceUsd: 108, discountUsd: 10.8, taxUsd: 18.47, totalUsd: 115.67 });
  });

  it('leaves out the optional discount, and charges no VAT on exports', async () => {
    const response = await postQuote(base, { amount: 50, currency: 'USD', country: 'US' });
    expect(await response.json()).toEqual({ priceUsd: 50, discountUsd: 0, taxUsd: 0, totalUsd: 50 });
  });

  it('answers only the outputs named in ?outputs=', async () => {
    const response = await postQuote(
      base,
      { amount: 200, currency: 'GBP', country: 'FR', discountPercent: 5 },
      '?outputs=netUsd,discountRate',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ netUsd: 241.3, discountRate: 0.05 });
  });

  it('answers a missing field with a 400 naming the input and the node that needs it', async () => {
    const response = await postQuote(base, { amount: 100, currency: 'EUR' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'InputValidationError',
      message: expect.stringContaining('missing input "country", needed by taxUsd'),
    });
  });

  it('answers a string where a number is declared with a 400: JSON "100" is not the number 100', async () => {
    const response = await postQuote(base, { amount: '100', currency: 'EUR', country: 'DE' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'InputValidationError',
      message: expect.stringContaining('input "amount" should be Number but is "100"; priceUsd takes it'),
    });
  });

  it('type-checks an optional input too', async () => {
    const response = await postQuote(base, { amount: 100, currency: 'USD', country: 'US', discountPercent: '10' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('input "discountPercent" should be Number but is "10"; discountRate_raw takes it'),
    });
  });

  it('turns away an unsupported currency before any node runs, through the KnownCurrencies adapter', async () => {
    const response = await postQuote(base, { amount: 100, currency: 'XYZ', country: 'DE' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('input "currency" ("XYZ") was rejected by KnownCurrencies.validateInput'),
    });
  });

  it('answers an unknown output with a 400', async () => {
    const response = await postQuote(base, { amount: 1, currency: 'USD', country: 'US' }, '?outputs=grandTotal');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'UnknownNodeError',
      message: expect.stringContaining('unknown output: "grandTotal"'),
    });
  });

  it('answers a discount beyond the 30% cap, a failed checkOutput, with a 422', async () => {
    const response = await postQuote(base, { amount: 100, currency: 'USD', country: 'US', discountPercent: 50 });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'DataValidationError', message: expect.stringContaining('discountRate') });
  });

  it('draws the DAG as Mermaid text', async () => {
    const response = await fetch(`${base}/dag?format=mermaid`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const mermaid = await response.text();
    expect(mermaid).toMatch(/^(graph|flowchart)/m);
    for (const name of ['amount', 'currency', 'country', 'priceUsd', 'discountRate', 'taxUsd', 'totalUsd']) expect(mermaid).toContain(name);
  });

  it('draws the DAG as SVG', async () => {
    const response = await fetch(`${base}/dag?format=svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await response.text();
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('totalUsd');
  });

  it('answers an unknown format with a 400 listing the formats', async () => {
    const response = await fetch(`${base}/dag?format=png`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'unknown format "png"; use one of mermaid, svg' });
  });
});

describe('a provider replaced in a testing module', () => {
  let app: INestApplication;
  let base: string;

  // Every currency at 2 USD, CHF included, which the real service does not convert.
  const twoUsdEach: Pick<RatesService, keyof RatesService> = { supports: () => true, usdPer: () => 2 };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(RatesService)
      .useValue(twoUsdEach)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    base = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is what the nodes and the adapter use when called over HTTP', async () => {
    const response = await postQuote(base, { amount: 10, currency: 'CHF', country: 'NL' }, '?outputs=priceUsd,totalUsd');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ priceUsd: 20, totalUsd: 24.2 });
  });
});

describe('npm run example:nest', () => {
  let server: ChildProcess | undefined;

  afterAll(async () => {
    // Still running only if the test failed before stopping it.
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });

  it('starts the app with the TypeScript loader of scripts/register-ts.js, on PORT, and answers', async () => {
    server = spawn(
      process.execPath,
      ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', 'examples/nest-pricing/main.ts'],
      { cwd: ROOT, env: { ...process.env, PORT: '0', NO_COLOR: '1', NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (url) resolve(url);
      });
      server!.once('exit', (code) => reject(new Error(`the app exited with code ${code} before listening:\n${output}`)));
    });
    const response = await postQuote(base, { amount: 100, currency: 'EUR', country: 'DE' });
    expect(await response.json()).toEqual({ priceUsd: 108, discountUsd: 0, taxUsd: 20.52, totalUsd: 128.52 });
    server.kill('SIGTERM');
    await once(server, 'exit');
  }, 60_000);
});
