import { describe, expect, it } from 'vitest';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { RATE_LIMIT_REDIS } from '../../../apps/gateway/src/ratelimit/rate-limiter.js';
import { PipelineProbeModule } from './support/pipeline-probe.js';
import { gatewaySuite, MASTER_KEY } from './support/suite.js';
import { bearer, call, createTenant } from './support/tenant.js';

const ctx = gatewaySuite({ imports: [AdminModule, PipelineProbeModule], providers: [{ provide: RATE_LIMIT_REDIS, useValue: null }] });

const probe = (headers: Record<string, string>, model = 'gpt-4o-mini') =>
  ctx.app.inject({ method: 'POST', url: '/v1/probe', headers, payload: { model, messages: [{ role: 'user', content: 'hi' }] } });

describe('auth step', () => {
  it('answers a missing, unknown or revoked key with a 401 invalid_api_key in the OpenAI shape', async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'auth');
    expect((await probe(bearer(t.keys.member))).statusCode).toBe(200);
    await call(ctx.app, MASTER_KEY, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
    for (const headers of [{}, bearer('hx-not-a-real-key'), { authorization: 'Basic abc' }, bearer(t.keys.member)]) {
      const res = await probe(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { type: 'authentication_error', code: 'invalid_api_key', param: null, message: expect.any(String) } });
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('takes the key from x-api-key too, and sets the identity', async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'anthropic');
    const res = await probe({ 'x-api-key': t.keys.analyst });
    expect(res.statusCode).toBe(200);
    expect(res.json().key_id).toBe(t.keyIds.analyst);
  });

  it("refuses a model outside the key's list with a 403 naming it, and serves the listed one", async () => {
    const t = await createTenant(ctx.app, MASTER_KEY, 'models');
    const scoped = await call(ctx.app, MASTER_KEY, 'POST', '/admin/keys', { user_id: t.userId, role: 'member', models: ['gpt-4o-mini'] }, 201);
    expect((await probe(bearer(scoped.key), 'gpt-4o-mini')).statusCode).toBe(200);
    const refused = await probe(bearer(scoped.key), 'gpt-4o');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ type: 'permission_error', code: 'permission_denied', message: expect.stringContaining('`gpt-4o`') });
  });
});
