import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimitsConfig } from '@helix/config';
import type { RateLimiter } from '../../../apps/gateway/src/ratelimit/rate-limiter.js';
import { member } from './identities.js';

/** One isolated limiter world: limiters it makes share one store. */
export interface LimiterTarget {
  /** A limiter on this world's store (a second call = a second replica / connection). */
  limiter(defaults?: Partial<RateLimitsConfig>): RateLimiter;
  /** Lets `ms` of time pass: a fake clock for memory, real time for Redis. */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

const noDefaults = { defaultCompletionTokens: 0 } as RateLimitsConfig;

/** The rate-limiter contract: the Redis and the in-memory limiter pass the same suite. */
export function rateLimiterContract(name: string, factory: () => Promise<LimiterTarget>): void {
  describe(`rate limiter contract: ${name}`, () => {
    let target: LimiterTarget;
    let limiter: RateLimiter;

    beforeEach(async () => {
      target = await factory();
      limiter = target.limiter();
    });
    afterEach(() => target.cleanup());

    const admitN = async (id: ReturnType<typeof member>, n: number, tokens = 0) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push(await limiter.admit(id, tokens));
      return out;
    };

    it('admits up to the RPM, refuses the next with a retry time, and refills one request per 60/RPM seconds', async () => {
      const id = member({ rpm: 60 });
      const admitted = await admitN(id, 60);
      expect(admitted.every((a) => a.allowed)).toBe(true);
      const refused = await limiter.admit(id, 0);
      expect(refused).toMatchObject({ allowed: false, retryAfterS: 1, limitedBy: { scope: 'key', kind: 'requests', limit: 60, requested: 1 } });
      expect(refused.tooLarge).toBe(false);
      await target.advance(1_050);
      expect((await limiter.admit(id, 0)).allowed).toBe(true);
      expect((await limiter.admit(id, 0)).allowed).toBe(false);
    });

    it('charges tokens by the estimate, so a big request can be refused where a smaller one passes', async () => {
      const id = member({ tpm: 1_000 });
      expect((await limiter.admit(id, 600)).allowed).toBe(true);
      const refused = await limiter.admit(id, 500);
      expect(refused).toMatchObject({ allowed: false, limitedBy: { scope: 'key', kind: 'tokens', limit: 1_000, requested: 500 } });
      expect(refused.retryAfterS).toBeGreaterThanOrEqual(5);
      expect(refused.retryAfterS).toBeLessThanOrEqual(6);
      expect((await limiter.admit(id, 400)).allowed).toBe(true);
      expect((await limiter.admit(id, 1)).allowed).toBe(false);
    });

    it('says a request is too large when its estimate alone exceeds the TPM (and admits one exactly at it)', async () => {
      const id = member({ tpm: 1_000 });
      const tooLarge = await limiter.admit(id, 1_001);
      expect(tooLarge).toMatchObject({ allowed: false, tooLarge: true, limitedBy: { kind: 'tokens', limit: 1_000, requested: 1_001 } });
      expect(tooLarge.headers['x-ratelimit-remaining-tokens']).toBe('1000');
      expect((await limiter.admit(id, 1_000)).allowed).toBe(true);
    });

    it('settles with the real usage: a refund makes room, an overrun takes it', async () => {
      const refunded = member({ tpm: 1_000 });
      expect((await limiter.admit(refunded, 900)).allowed).toBe(true);
      expect((await limiter.admit(refunded, 800)).allowed).toBe(false);
      await limiter.settle(refunded, -800);
      expect((await limiter.admit(refunded, 800)).allowed).toBe(true);

      const overran = member({ tpm: 1_000 });
      expect((await limiter.admit(overran, 100)).allowed).toBe(true);
      expect((await limiter.admit(overran, 100)).headers['x-ratelimit-remaining-tokens']).toBe('800');
      await limiter.settle(overran, 850);
      expect((await limiter.admit(overran, 100)).allowed).toBe(false);
    });

    it('checks key and team together and consumes none when one refuses', async () => {
      const teamId = member().teamId;
      const a = member({ rpm: 2 }, { rpm: 3 }, teamId);
      const b = member({ rpm: 2 }, { rpm: 3 }, teamId);
      expect((await admitN(a, 2)).every((x) => x.allowed)).toBe(true);
      const byKey = await limiter.admit(a, 0);
      expect(byKey.limitedBy).toMatchObject({ scope: 'key', kind: 'requests' });
      expect((await limiter.admit(b, 0)).allowed).toBe(true);
      const byTeam = await limiter.admit(b, 0);
      expect(byTeam.limitedBy).toMatchObject({ scope: 'team', kind: 'requests', limit: 3 });
      const otherTeam = member({ rpm: 2 }, { rpm: 3 });
      expect((await limiter.admit(otherTeam, 0)).allowed).toBe(true);
    });

    it('reports the tighter of key and team in OpenAI-style headers', async () => {
      const id = member({ rpm: 10, tpm: 5_000 }, { rpm: 5, tpm: 100_000 });
      const { headers } = await limiter.admit(id, 1_000);
      expect(headers).toMatchObject({
        'x-ratelimit-limit-requests': '5',
        'x-ratelimit-remaining-requests': '4',
        'x-ratelimit-limit-tokens': '5000',
        'x-ratelimit-remaining-tokens': '4000',
      });
      expect(headers['x-ratelimit-reset-requests']).toMatch(/^(11\.\d+|12)s$/);
      expect(headers['x-ratelimit-reset-tokens']).toMatch(/^(11\.\d+|12)s$/);
    });

    it('has no headers and no limit when neither key, team nor config sets one; config defaults apply otherwise', async () => {
      const free = member();
      const answers = await admitN(free, 100, 10_000);
      expect(answers.every((a) => a.allowed && Object.keys(a.headers).length === 0)).toBe(true);
      const withDefaults = target.limiter({ ...noDefaults, keyRpm: 1 });
      expect((await withDefaults.admit(free, 0)).allowed).toBe(true);
      const refused = await withDefaults.admit(free, 0);
      expect(refused).toMatchObject({ allowed: false, limitedBy: { scope: 'key', limit: 1 } });
      expect(refused.headers['x-ratelimit-limit-requests']).toBe('1');
    });

    it('never limits the master key', async () => {
      const master = { ...member({ rpm: 1 }), master: true };
      const answers = await admitN(master, 5);
      expect(answers.every((a) => a.allowed)).toBe(true);
      const control = { ...master, master: false };
      await admitN(control, 1);
      expect((await limiter.admit(control, 0)).allowed).toBe(false);
    });
  });
}
