import { beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '@helix/bus';
import { RpcSubjects, Role as WireRole } from '@helix/contracts';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { keySha256 } from '../../../apps/gateway/src/identity/key-material.js';
import { gatewaySuite, MASTER_KEY } from './support/suite.js';
import { call, createTenant } from './support/tenant.js';

const ctx = gatewaySuite({ imports: [AdminModule], microservice: true });

describe('helix.identity.verify.v1', () => {
  let otherService: Bus;
  beforeAll(async () => {
    otherService = await ctx.world.open();
  });
  const verify = (sha: string) => otherService.request(RpcSubjects.identityVerify, { keySha256: sha }, { timeoutMs: 2_000 });

  it("answers another service with the key's identity and role, by SHA-256 only", async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'verify');
    const scoped = await call(ctx.app, MASTER_KEY, 'POST', '/admin/keys', { user_id: t.userId, role: 'analyst', models: ['gpt-4o-mini'], expires_at: 4_102_444_800 }, 201);
    expect(await verify(keySha256(scoped.key))).toMatchObject({
      valid: true,
      keyId: scoped.id,
      userId: t.userId,
      teamId: t.teamId,
      orgId: t.orgId,
      role: WireRole.ANALYST,
      models: ['gpt-4o-mini'],
      expiresAtMs: 4_102_444_800_000n,
    });
    expect(await verify(keySha256(t.keys['team-admin']))).toMatchObject({ valid: true, role: WireRole.TEAM_ADMIN, models: [], expiresAtMs: 0n });
    expect(await verify(keySha256(MASTER_KEY))).toMatchObject({ valid: true, keyId: 'master', role: WireRole.ADMIN });
  });

  it('says why a key is refused: unknown or revoked', async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'refused');
    expect(await verify(keySha256('hx-never-issued'))).toMatchObject({ valid: false, reason: 'unknown', keyId: '' });
    expect(await verify('not-a-digest')).toMatchObject({ valid: false, reason: 'unknown' });
    expect((await verify(keySha256(t.keys.member))).valid).toBe(true);
    await call(ctx.app, MASTER_KEY, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
    expect(await verify(keySha256(t.keys.member))).toMatchObject({ valid: false, reason: 'revoked' });
  });
});
