// The test helper that starts a real redis-server: it must answer, and leave no process or port behind.
import { describe, expect, it } from '@jest/globals';
import { freePort } from './free-port.js';
import { pingRedis, startRedisServer } from './redis-server.js';

/** Whether a process with this pid exists (signal 0 checks without signalling). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

describe('startRedisServer', () => {
  it('starts redis-server on a loopback port, answers PING, and stop() ends the process', async () => {
    const server = await startRedisServer();
    try {
      expect(server.host).toBe('127.0.0.1');
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      expect(isAlive(server.pid)).toBe(true);
      expect(await pingRedis(server.port)).toBe('+PONG');
    } finally {
      await server.stop();
    }
    expect(isAlive(server.pid)).toBe(false);
    await expect(pingRedis(server.port)).rejects.toThrow(/ECONNREFUSED/);
    await server.stop(); // a second stop is harmless, so afterAll hooks can always call it
  }, 20_000);

  it('kill() ends it at once, as a crash would', async () => {
    const server = await startRedisServer();
    await server.kill();
    expect(isAlive(server.pid)).toBe(false);
    await expect(pingRedis(server.port)).rejects.toThrow(/ECONNREFUSED/);
  }, 20_000);

  it('gives two servers two ports', async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(await Promise.all([pingRedis(a.port), pingRedis(b.port)])).toEqual(['+PONG', '+PONG']);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 20_000);
});

describe('freePort', () => {
  it('returns a port where nothing listens', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(pingRedis(port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
