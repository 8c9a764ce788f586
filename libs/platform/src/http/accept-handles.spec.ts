import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '@helix/telemetry';
import { acceptedInOnePoll } from '../../../../test/support/accept-turn.js';
import { addAcceptHandles } from './accept-handles.js';

const warnings: unknown[] = [];
const log = { warn: (o: unknown) => warnings.push(o), error: (o: unknown) => warnings.push(o) } as unknown as Logger;
const PENDING = 20;
let server: Server;
let clients: Socket[] = [];

async function listening(): Promise<number> {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Queues `PENDING` connections in the kernel while the event loop is held, then counts how many one poll phase accepts. */
const acceptedInOneTurn = (port: number) =>
  acceptedInOnePoll(server, () => {
    clients = Array.from({ length: PENDING }, () => connect(port, '127.0.0.1').on('error', () => {}));
  });

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  server.closeAllConnections();
  if (server.listening) await new Promise((resolve) => server.close(resolve));
  warnings.length = 0;
});

describe('addAcceptHandles', () => {
  it('without extra handles, one event-loop turn accepts one queued connection (control)', async () => {
    const port = await listening();
    await addAcceptHandles(server, 0, 511, log);
    expect(await acceptedInOneTurn(port)).toBe(1);
  });

  it('with 7 extra handles, one turn accepts 8, and the server answers on them', async () => {
    const port = await listening();
    await addAcceptHandles(server, 7, 511, log);
    expect(warnings).toEqual([]);
    expect(await acceptedInOneTurn(port)).toBe(8);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe('ok');
  });

  it('closes the extra handles with the server: new connections are refused', async () => {
    const port = await listening();
    await addAcceptHandles(server, 7, 511, log);
    const tryConnect = () =>
      new Promise<string>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve('connected')));
        s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
    expect(await tryConnect()).toBe('connected');
    server.close();
    expect(await tryConnect()).toBe('ECONNREFUSED');
  });
});
