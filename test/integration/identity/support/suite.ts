import { afterAll, beforeAll } from 'vitest';
import type { NatsBus } from '@helix/bus';
import { createTestDatabase } from '../../../support/infra.js';
import { startGatewayApp, type GatewayApp, type GatewayAppOptions } from './gateway-app.js';
import { natsWorld } from './nats-world.js';

export const MASTER_KEY = 'hx-test-master-0123456789abcdefghijklmnopqrstuv';

/** Per suite: a fresh database, a private NATS namespace, and a gateway app built from `imports`, all torn down after. */
export function gatewaySuite(options: Omit<GatewayAppOptions, 'databaseUrl' | 'bus'>) {
  const ctx = {} as { app: GatewayApp; databaseUrl: string; world: Awaited<ReturnType<typeof natsWorld>>; bus: NatsBus; drop(): Promise<void> };
  beforeAll(async () => {
    const db = await createTestDatabase();
    ctx.databaseUrl = db.url;
    ctx.drop = db.drop;
    ctx.world = await natsWorld();
    ctx.bus = await ctx.world.open();
    ctx.app = await startGatewayApp({ masterKey: MASTER_KEY, ...options, databaseUrl: db.url, bus: ctx.bus });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.world?.close();
    await ctx.drop?.();
  });
  return ctx;
}
