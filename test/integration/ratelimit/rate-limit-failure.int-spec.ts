import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { RATE_LIMIT_REDIS } from '../../../apps/gateway/src/ratelimit/rate-limiter.js';
import { sparePort } from '../../support/servers.js';
import { PipelineProbeModule } from '../identity/support/pipeline-probe.js';
import { gatewaySuite, MASTER_KEY } from '../identity/support/suite.js';
import { bearer, call, createTenant } from '../identity/support/tenant.js';

/** A client of a port where no Redis listens: every command fails at once. */
let unreachable: Redis;
beforeAll(async () => {
  unreachable = new Redis({ port: await sparePort(), host: '127.0.0.1', lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  unreachable.on('error', () => undefined);
});
afterAll(() => unreachable.disconnect());

const redis = { provide: RATE_LIMIT_REDIS, get useValue() { return unreachable; } };
const open = gatewaySuite({ imports: [AdminModule, PipelineProbeModule], providers: [redis], config: { rateLimits: { onError: 'open' } } });
const closed = gatewaySuite({ imports: [AdminModule, PipelineProbeModule], providers: [redis], config: { rateLimits: { onError: 'closed' } } });

async function limitedKey(app: typeof open.app) {
  const t = await createTenant(app, MASTER_KEY, 'down');
  return (await call(app, MASTER_KEY, 'POST', '/admin/keys', { user_id: t.userId, role: 'member', rpm: 1 }, 201)).key as string;
}

const chat = (app: typeof open.app, key: string) =>
  app.inject({ method: 'POST', url: '/v1/probe', headers: bearer(key), payload: { model: 'm', messages: [] } });

describe('rate limits when Redis is unreachable', () => {
  it('onError open: serves the request, unlimited and without headers', async () => {
    const key = await limitedKey(open.app);
    for (let i = 0; i < 3; i++) {
      const res = await chat(open.app, key);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit-requests']).toBeUndefined();
    }
  });

  it('onError closed: answers 503 rate_limit_unavailable', async () => {
    const res = await chat(closed.app, await limitedKey(closed.app));
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ type: 'service_unavailable_error', code: 'rate_limit_unavailable' });
  });
});
