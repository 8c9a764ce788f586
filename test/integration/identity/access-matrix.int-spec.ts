import { Controller, Get, Module } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { Roles } from '../../../apps/gateway/src/access/access.metadata.js';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { ACCESS_MATRIX, runRow, type Caller } from './access-matrix.js';
import { gatewaySuite, MASTER_KEY } from './support/suite.js';
import { bearer, createTenant, type Tenant } from './support/tenant.js';

@Controller('probe')
class UnmarkedController {
  @Get('unmarked') unmarked() {
    return { ok: true };
  }

  @Get('marked') @Roles('member') marked() {
    return { ok: true };
  }
}

@Module({ controllers: [UnmarkedController] })
class UnmarkedModule {}

const ctx = gatewaySuite({ imports: [AdminModule, UnmarkedModule] });

const keyOf = (t: Tenant, caller: Caller) => (caller === 'none' ? undefined : caller === 'master' ? MASTER_KEY : t.keys[caller]);

describe('access: role × route', () => {
  it.each(ACCESS_MATRIX)('$route', async (row) => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'matrix');
    const fixture = { orgId: t.orgId, teamId: t.teamId, userId: t.userId, memberKeyId: t.keyIds.member };
    const { got, want, refusalTypes } = await runRow(row, fixture, async (caller, method, url, payload) => {
      const key = keyOf(t, caller);
      const res = await ctx.app.inject({ method: method as 'GET', url, headers: key ? bearer(key) : {}, ...(payload && { payload }) });
      return { status: res.statusCode, errorType: res.statusCode === 401 || res.statusCode === 403 ? res.json().error.type : undefined };
    });
    expect(got).toEqual(want);
    for (const type of refusalTypes) expect(type).toMatch(/authentication_error|permission_error/);
  });

  it('refuses a route that has neither @Roles nor @Public, even to the master key', async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'unmarked');
    for (const key of [MASTER_KEY, t.keys.member]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/probe/unmarked', headers: bearer(key) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('permission_denied');
    }
    const marked = await ctx.app.inject({ method: 'GET', url: '/probe/marked', headers: bearer(t.keys.member) });
    expect(marked.statusCode).toBe(200);
  });
});
