import { describe, expect, it } from 'vitest';
import { HealthRegistry } from './health.registry.js';

describe('HealthRegistry', () => {
  it('is ready when every check passes, and reports each failing, throwing or slow one', async () => {
    const health = new HealthRegistry();
    health.register('nats', async () => ({ ok: true }));
    expect(await health.ready()).toEqual({ status: 'ok', checks: { nats: { ok: true } } });

    health.register('redis', async () => ({ ok: false, detail: 'ECONNREFUSED' }));
    health.register('postgres', async () => {
      throw new Error('password authentication failed');
    });
    health.register('slow', () => new Promise(() => {}), { timeoutMs: 50 });

    const started = Date.now();
    expect(await health.ready()).toEqual({
      status: 'unavailable',
      checks: {
        nats: { ok: true },
        redis: { ok: false, detail: 'ECONNREFUSED' },
        postgres: { ok: false, detail: 'password authentication failed' },
        slow: { ok: false, detail: 'timed out after 50 ms' },
      },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a name twice until the first registration is removed', () => {
    const health = new HealthRegistry();
    const remove = health.register('nats', async () => ({ ok: true }));
    expect(() => health.register('nats', async () => ({ ok: true }))).toThrow(/already registered/);
    remove();
    expect(() => health.register('nats', async () => ({ ok: true }))).not.toThrow();
    expect(health.live()).toEqual({ status: 'ok' });
  });
});
