import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { ConfigStore } from '@helix/config';
import type { HealthRegistry, Logger } from '@helix/telemetry';

/**
 * Graceful stop of the HTTP side: once a shutdown starts, readiness fails (`shutdown` check) and
 * the server keeps serving for `http.shutdownDelayMs`, so load balancers stop sending work before
 * the listener closes; then requests and streams in flight get `http.shutdownGraceMs` to finish
 * while Nest closes the server, and the connections left are closed, so the shutdown can go on to
 * drain the bus and flush events.
 */
export class ShutdownGrace implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly store: ConfigStore,
    private readonly log: Logger,
    health: HealthRegistry,
  ) {
    health.register('shutdown', async () => (this.stopping ? { ok: false, detail: 'shutting down' } : { ok: true }));
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    const server = this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
    const { shutdownGraceMs: graceMs, shutdownDelayMs: delayMs } = this.store.current.http;
    this.log.info({ signal, delayMs, graceMs }, 'shutting down: not ready; requests in flight may finish');
    if (delayMs > 0) await sleep(delayMs);
    if (!server) return;
    setTimeout(() => {
      if (!server.listening) {
        this.log.warn({ graceMs }, 'grace period over: closing the connections still open');
        server.closeAllConnections();
      }
    }, graceMs).unref();
  }
}
