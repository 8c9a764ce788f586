import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { IdentityModule } from '../../../apps/gateway/src/identity/identity.module.js';
import { IdentityService } from '../../../apps/gateway/src/identity/identity.service.js';
import { createTestDatabase } from '../../support/infra.js';
import { sleep } from '../../support/wait.js';
import { startGatewayApp, type GatewayApp } from './support/gateway-app.js';
import { natsWorld } from './support/nats-world.js';
import { MASTER_KEY } from './support/suite.js';
import { call, createTenant } from './support/tenant.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: Awaited<ReturnType<typeof natsWorld>>;
let replicaA: GatewayApp;
let replicaB: GatewayApp;
let identitiesB: IdentityService;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await natsWorld();
  const config = { auth: { cacheTtlMs: 60_000 } };
  replicaA = await startGatewayApp({ imports: [AdminModule], databaseUrl: db.url, bus: await world.open(), masterKey: MASTER_KEY, config });
  replicaB = await startGatewayApp({ imports: [IdentityModule], databaseUrl: db.url, bus: await world.open(), masterKey: MASTER_KEY, config });
  identitiesB = replicaB.app.get(IdentityService);
});
afterAll(async () => {
  await replicaA?.close();
  await replicaB?.close();
  await world?.close();
  await db?.drop();
});

const accepts = (key: string) => identitiesB.authenticate(key).then(() => true, () => false);

/** Ms until replica B refuses `key`, polling every 10 ms; throws after 1 s. */
async function msUntilRefused(key: string): Promise<number> {
  const started = performance.now();
  while (await accepts(key)) {
    if (performance.now() - started > 1_000) throw new Error('replica B still accepts the key after 1 s');
    await sleep(10);
  }
  return performance.now() - started;
}

describe('identity changes reach every replica over the bus', () => {
  it('caches lookups: a revocation written behind the bus is not seen (control)', async () => {
    const t = await createTenant(replicaA, MASTER_KEY, 'control');
    expect(await accepts(t.keys.analyst)).toBe(true);
    await replicaA.dataSource.query('UPDATE gateway.api_keys SET revoked_at = now() WHERE id = $1', [t.keyIds.analyst]);
    await sleep(300);
    expect(await accepts(t.keys.analyst)).toBe(true);
  });

  it('a key revoked on replica A is refused by replica B within a second', async () => {
    const t = await createTenant(replicaA, MASTER_KEY, 'revoked');
    expect(await accepts(t.keys.member)).toBe(true);
    await call(replicaA, t.keys.admin, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
    expect(await msUntilRefused(t.keys.member)).toBeLessThan(1_000);
    expect(await accepts(t.keys.analyst)).toBe(true);
  });

  it('a team change on replica A shows in replica B within a second (limits), and a team revocation refuses its keys', async () => {
    const t = await createTenant(replicaA, MASTER_KEY, 'team');
    expect((await identitiesB.authenticate(t.keys.member)).teamLimits).toEqual({ rpm: null, tpm: null });
    await call(replicaA, MASTER_KEY, 'PATCH', `/admin/teams/${t.teamId}`, { rpm: 7 }, 200);
    const started = performance.now();
    while ((await identitiesB.authenticate(t.keys.member)).teamLimits.rpm !== 7) {
      expect(performance.now() - started).toBeLessThan(1_000);
      await sleep(10);
    }
    await call(replicaA, MASTER_KEY, 'DELETE', `/admin/teams/${t.teamId}`, undefined, 200);
    expect(await msUntilRefused(t.keys.analyst)).toBeLessThan(1_000);
  });
});
