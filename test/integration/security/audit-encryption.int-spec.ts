import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsBus } from '@helix/bus';
import { loadConfig } from '@helix/config';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { AuditSealer } from '../../../apps/gateway/src/admin/store/audit-sealer.js';
import { GatewayUserData } from '../../../apps/gateway/src/privacy/gateway-user-data.js';
import { createTestDatabase } from '../../support/infra.js';
import { startGatewayApp, type GatewayApp } from '../identity/support/gateway-app.js';
import { natsWorld } from '../identity/support/nats-world.js';
import { MASTER_KEY } from '../identity/support/suite.js';
import { call } from '../identity/support/tenant.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const ENC_K1 = { activeKeyId: 'k1', keys: [{ id: 'k1', key: k1 }] };
const ENC_K2 = { activeKeyId: 'k2', keys: [{ id: 'k1', key: k1 }, { id: 'k2', key: k2 }] };

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: Awaited<ReturnType<typeof natsWorld>>;
let bus: NatsBus;
const apps: GatewayApp[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await natsWorld();
  bus = await world.open();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await world?.close();
  await db?.drop();
});

async function gateway(encryption: Record<string, unknown>): Promise<GatewayApp> {
  const app = await startGatewayApp({ imports: [AdminModule], masterKey: MASTER_KEY, databaseUrl: db.url, bus, config: { encryption } });
  apps.push(app);
  return app;
}

/** An org, team and user whose name and email are unique markers; returns the user's id and the markers. */
async function user(app: GatewayApp) {
  const name = `Marker-${randomBytes(5).toString('hex')}`;
  const email = `${name.toLowerCase()}@example.com`;
  const org = await call(app, MASTER_KEY, 'POST', '/admin/orgs', { name: `org-${name}` }, 201);
  const team = await call(app, MASTER_KEY, 'POST', '/admin/teams', { name: 't', org_id: org.id }, 201);
  const u = await call(app, MASTER_KEY, 'POST', '/admin/users', { name, email, team_id: team.id }, 201);
  return { id: u.id as string, name, email };
}

const rawAudit = async (app: GatewayApp, entityId: string) =>
  JSON.stringify(await app.dataSource.query('SELECT before, after FROM gateway.audit_log WHERE entity_id = $1', [entityId]));
const apiAudit = async (app: GatewayApp, entityId: string) => (await call(app, MASTER_KEY, 'GET', `/admin/audit?entity_id=${entityId}`, undefined, 200)).data;
const sealer = (encryption: Record<string, unknown>) => new AuditSealer(loadConfig({ env: {}, overrides: { encryption } }));

describe('audit payloads encrypted at rest in Postgres', () => {
  it('stores no name or email in the clear (control: without encryption the row holds both); the admin API shows them', async () => {
    const plainApp = await gateway({});
    const plain = await user(plainApp);
    expect(await rawAudit(plainApp, plain.id)).toContain(plain.email);

    const app = await gateway(ENC_K1);
    const sealed = await user(app);
    const raw = await rawAudit(app, sealed.id);
    expect(raw).toContain('$sealed');
    expect(raw).not.toContain(sealed.name);
    expect(raw).not.toContain(sealed.email);
    expect((await apiAudit(app, sealed.id))[0].after).toMatchObject({ name: sealed.name, email: sealed.email });
    expect((await apiAudit(app, plain.id))[0].after).toMatchObject({ email: plain.email });
  });

  it('reads entries of the old key after a rotation; an altered entry reads as unreadable, never as other data', async () => {
    const before = await user(await gateway(ENC_K1));
    const rotated = await gateway(ENC_K2);
    expect((await apiAudit(rotated, before.id))[0].after).toMatchObject({ email: before.email });
    const after = await user(rotated);
    expect((await apiAudit(rotated, after.id))[0].after).toMatchObject({ email: after.email });

    const [row] = await rotated.dataSource.query('SELECT id, after FROM gateway.audit_log WHERE entity_id = $1', [after.id]);
    const bytes = Buffer.from(row.after.$sealed, 'base64');
    bytes[bytes.length - 1]! ^= 0x01;
    await rotated.dataSource.query('UPDATE gateway.audit_log SET after = $2 WHERE id = $1', [row.id, JSON.stringify({ $sealed: bytes.toString('base64') })]);
    expect((await apiAudit(rotated, after.id))[0].after).toEqual({ $unreadable: true });
  });

  it('the GDPR export opens sealed entries, and the erasure scrubs inside them and seals them again', async () => {
    const app = await gateway(ENC_K1);
    const u = await user(app);
    const data = new GatewayUserData(app.dataSource, sealer(ENC_K1));
    expect(JSON.stringify(await data.audit([u.id]))).toContain(u.email);
    await data.erase(u.id, [], 'erased-test-pseudonym');
    const raw = await rawAudit(app, u.id);
    expect(raw).toContain('$sealed');
    expect(raw).not.toContain(u.email);
    const after = (await data.audit([u.id]))[0]!.after as Record<string, unknown>;
    expect(after).toMatchObject({ name: 'erased-test-pseudonym', email: null });
  });
});
