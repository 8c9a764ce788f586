import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus, type InProcessBus } from '@helix/bus';
import { RpcSubjects } from '@helix/contracts';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { keySha256 } from '../../../apps/gateway/src/identity/key-material.js';
import { RATE_LIMIT_REDIS } from '../../../apps/gateway/src/ratelimit/rate-limiter.js';
import { embeddedTestDatabase } from '../persistence/embedded-database.js';
import { startGatewayApp, type GatewayApp } from './support/gateway-app.js';
import { PipelineProbeModule } from './support/pipeline-probe.js';
import { MASTER_KEY } from './support/suite.js';
import { bearer, call, createTenant } from './support/tenant.js';

let db: Awaited<ReturnType<typeof embeddedTestDatabase>>;
let bus: InProcessBus;
let app: GatewayApp;

beforeAll(async () => {
  db = await embeddedTestDatabase();
  bus = createInProcessBus();
  await bus.ensureStreams();
  app = await startGatewayApp({
    imports: [AdminModule, PipelineProbeModule],
    databaseUrl: db.url,
    bus,
    masterKey: MASTER_KEY,
    microservice: true,
    providers: [{ provide: RATE_LIMIT_REDIS, useValue: null }],
  });
});
afterAll(async () => {
  await app?.close();
  await bus?.close();
  await db?.dispose();
});

describe('identity in the embedded default: PGlite, the in-process bus, in-memory rate limits', () => {
  it('runs the same migrations and admin API, verifies over the bus, and revokes at once', async () => {
    const t = await createTenant(app, MASTER_KEY, 'embedded', { rpm: 2 });
    const chat = () => app.inject({ method: 'POST', url: '/v1/probe', headers: bearer(t.keys.member), payload: { model: 'm', messages: [] } });
    expect((await chat()).headers['x-ratelimit-remaining-requests']).toBe('1');
    expect((await chat()).statusCode).toBe(200);
    expect((await chat()).statusCode).toBe(429);

    const verify = () => bus.request(RpcSubjects.identityVerify, { keySha256: keySha256(t.keys.member) }, { timeoutMs: 2_000 });
    expect((await verify()).valid).toBe(true);
    await call(app, t.keys.admin, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
    expect(await verify()).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await chat()).statusCode).toBe(401);
    expect((await call(app, MASTER_KEY, 'GET', `/admin/audit?entity_id=${t.keyIds.member}`, undefined, 200)).data.map((e: { action: string }) => e.action)).toEqual(['create', 'revoke']);
  });
});
