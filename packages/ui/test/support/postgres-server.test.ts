// The test helper that starts a real Postgres: it must answer, and leave no process behind.
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { isAlive, startPostgresServer } from './postgres-server.js';

describe('startPostgresServer', () => {
  it('starts Postgres on a loopback port, creates databases, and stop() ends it', async () => {
    const server = await startPostgresServer();
    try {
      expect(server.url).toBe(`postgres://app@127.0.0.1:${server.port}/postgres`);
      expect(isAlive(server.pid)).toBe(true);
      const url = await server.createDatabase('runs');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT current_database() AS db');
      await client.end();
      expect(rows[0].db).toBe('runs');
    } finally {
      await server.stop();
    }
    expect(isAlive(server.pid)).toBe(false);
    await server.stop(); // a second stop is harmless, so afterAll hooks can always call it
  }, 60_000);
});
