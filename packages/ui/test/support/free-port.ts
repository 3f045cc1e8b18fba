// A loopback port nothing listens on, for tests that start a server there or expect a connection to fail.
import { once } from 'node:events';
import { createServer } from 'node:net';

/** Asks the OS for a free port on 127.0.0.1 (listen on port 0, read the port, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  if (address === null || typeof address === 'string') throw new Error(`expected a TCP address from the OS, got ${String(address)}`);
  return address.port;
}
