import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { HttpAdapterHost } from '@nestjs/core';
import { describe, expect, it, vi } from 'vitest';
import type { ConfigStore } from '@helix/config';
import { HealthRegistry, type Logger } from '@helix/telemetry';
import { ShutdownGrace } from './shutdown-grace.js';

const log = { info: vi.fn(), warn: vi.fn() } as unknown as Logger;

async function world(http: { shutdownGraceMs: number; shutdownDelayMs: number }) {
  const server: Server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sockets: Socket[] = [];
  const open = () =>
    new Promise<Socket>((r) => {
      const s = connect((server.address() as AddressInfo).port, '127.0.0.1', () => r(s));
      s.on('error', () => undefined);
      sockets.push(s);
    });
  const health = new HealthRegistry();
  const adapter = { httpAdapter: { getHttpServer: () => server } } as unknown as HttpAdapterHost;
  const grace = new ShutdownGrace(adapter, { current: { http } } as unknown as ConfigStore, log, health);
  return { server, open, health, grace, cleanup: () => sockets.forEach((s) => s.destroy()) };
}

describe('ShutdownGrace', () => {
  it('turns readiness off at once and keeps serving for shutdownDelayMs', async () => {
    const w = await world({ shutdownGraceMs: 10_000, shutdownDelayMs: 150 });
    expect((await w.health.ready()).status).toBe('ok');
    const t0 = Date.now();
    const done = w.grace.beforeApplicationShutdown('SIGTERM');
    expect((await w.health.ready()).checks.shutdown).toEqual({ ok: false, detail: 'shutting down' });
    expect(w.server.listening).toBe(true);
    await done;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    w.server.close();
    w.cleanup();
  });

  it('closes the connections still open when the grace period ends after the server stopped listening (control: not before)', async () => {
    const w = await world({ shutdownGraceMs: 200, shutdownDelayMs: 0 });
    const socket = await w.open();
    const closed = new Promise((r) => socket.once('close', r));
    await w.grace.beforeApplicationShutdown('SIGTERM');
    w.server.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.destroyed).toBe(false);
    await closed;
    expect(log.warn).toHaveBeenCalledWith({ graceMs: 200 }, expect.stringContaining('grace period over'));
    w.cleanup();
  });
});
