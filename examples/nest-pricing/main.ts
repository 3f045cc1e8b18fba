// The pricing API on PORT (default 3000): `npm run example:nest`, then
// curl -X POST localhost:3000/quotes -H 'content-type: application/json' -d '{"amount":100,"currency":"EUR","country":"DE"}'
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

const port = Number(process.env.PORT ?? 3000);
const app = await NestFactory.create(AppModule);
// Ctrl-C or a SIGTERM closes the modules, so the driver's adapters that hold resources get closed.
app.enableShutdownHooks();
await app.listen(port);
const { port: listening } = app.getHttpServer().address();
new Logger('NestPricing').log(`listening on http://localhost:${listening} (POST /quotes, GET /dag?format=mermaid|svg)`);
