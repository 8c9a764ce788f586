import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { RATE_LIMIT_REDIS } from '../../../apps/gateway/src/ratelimit/rate-limiter.js';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { PipelineProbeModule } from '../identity/support/pipeline-probe.js';
import { gatewaySuite, MASTER_KEY } from '../identity/support/suite.js';
import { bearer, call, createTenant } from '../identity/support/tenant.js';

const prefix = testRedisPrefix();
const redis = new Redis(testRedisUrl());
const ctx = gatewaySuite({
  imports: [AdminModule, PipelineProbeModule],
  providers: [{ provide: RATE_LIMIT_REDIS, useValue: redis }],
  config: { redis: { keyPrefix: prefix }, rateLimits: { defaultCompletionTokens: 100 } },
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const chat = (key: string, extra: object = {}) =>
  ctx.app.inject({ method: 'POST', url: '/v1/probe', headers: bearer(key), payload: { model: 'm', messages: [{ role: 'user', content: 'hi' }], ...extra } });

async function keyWith(limits: object, teamLimits: object = {}) {
  const t = await createTenant(ctx.app, MASTER_KEY, 'rl', teamLimits);
  return (await call(ctx.app, MASTER_KEY, 'POST', '/admin/keys', { user_id: t.userId, role: 'member', ...limits }, 201)).key as string;
}

describe('rate-limit step', () => {
  it('puts x-ratelimit-* headers on answers and refuses past the RPM with a 429, Retry-After and the same headers', async () => {
    const key = await keyWith({ rpm: 2, tpm: 10_000 });
    const first = await chat(key);
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit-requests': '2',
      'x-ratelimit-remaining-requests': '1',
      'x-ratelimit-limit-tokens': '10000',
      'x-ratelimit-remaining-tokens': '9900',
    });
    expect(first.headers['x-ratelimit-reset-requests']).toMatch(/^\d+(\.\d+)?s$/);
    expect((await chat(key)).statusCode).toBe(200);
    const refused = await chat(key);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: { type: 'rate_limit_error', code: 'rate_limit_exceeded', param: null, message: expect.stringMatching(/^Rate limit reached for this API key on requests per min \(RPM\): Limit 2, Requested 1\. Please try again in \d+s\.$/) },
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(refused.headers).toMatchObject({ 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '0' });
  });

  it('says a request is too large for the TPM, without a Retry-After, where a smaller one passes', async () => {
    const key = await keyWith({ tpm: 1_000 });
    const tooLarge = await chat(key, { max_tokens: 5_000 });
    expect(tooLarge.statusCode).toBe(429);
    expect(tooLarge.json().error.message).toMatch(/^Request too large for this API key on tokens per min \(TPM\): Limit 1000, Requested 50\d\d\./);
    expect(tooLarge.headers['retry-after']).toBeUndefined();
    expect((await chat(key, { max_tokens: 500 })).statusCode).toBe(200);
  });

  it('names the team when the team limit is the one reached', async () => {
    const key = await keyWith({ rpm: 100 }, { rpm: 1 });
    expect((await chat(key)).headers['x-ratelimit-limit-requests']).toBe('1');
    expect((await chat(key)).json().error.message).toMatch(/^Rate limit reached for this team on requests per min/);
  });

  it('settles with the real usage after the answer', async () => {
    const key = await keyWith({ tpm: 1_000 });
    const first = await chat(key, { max_tokens: 500, usage: { inputTokens: 10, outputTokens: 40 } });
    expect(first.headers['x-ratelimit-remaining-tokens']).toBe('500');
    const second = await chat(key, { max_tokens: 500 });
    expect(second.statusCode).toBe(200);
    const remaining = Number(second.headers['x-ratelimit-remaining-tokens']);
    expect(remaining).toBeGreaterThanOrEqual(450);
    expect(remaining).toBeLessThan(500);
  });

  it('adds no headers when no limit applies', async () => {
    const res = await chat(await keyWith({}));
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
  });
});
