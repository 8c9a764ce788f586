import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { CircuitBreakerConfig } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import { systemClock } from '../../../apps/gateway/src/identity/clock.js';
import { BreakerBoard } from '../../../apps/gateway/src/routing/breaker/breaker-board.js';
import { RedisBreakerStore } from '../../../apps/gateway/src/routing/breaker/redis.breaker-store.js';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { sleep, until } from '../../support/wait.js';

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;
const cfg = Object.assign(new CircuitBreakerConfig(), { failures: 2, cooldownMs: 400 });
const prefix = testRedisPrefix();
const clients: Redis[] = [];

async function replica(): Promise<BreakerBoard> {
  const redis = new Redis(testRedisUrl());
  clients.push(redis);
  const board = new BreakerBoard(new RedisBreakerStore(redis, prefix, systemClock), systemClock, silent, 200);
  await board.start();
  return board;
}

afterAll(async () => {
  const keys = await clients[0]!.keys(`${prefix}*`);
  if (keys.length) await clients[0]!.del(...keys);
  for (const c of clients) c.disconnect();
});

describe('circuit breakers shared by two gateway replicas through Redis', () => {
  it('one replica opens it, the other stops sending at once; one probe; the probe closes it for both', async () => {
    const a = await replica();
    const b = await replica();
    expect(b.admit('dep')).toBe('pass');
    a.failure('dep', false, cfg);
    a.failure('dep', false, cfg);
    expect(a.admit('dep')).toBe('blocked');
    await until(() => b.admit('dep') === 'blocked', 'the other replica to see the open breaker', 3_000);
    expect(b.admit('other-dep')).toBe('pass');

    await sleep(450);
    expect([a.admit('dep'), b.admit('dep')]).toEqual(['probe', 'probe']);
    const claims = await Promise.all([a.claimProbe('dep', 1_000), b.claimProbe('dep', 1_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const prober = claims[0] ? a : b;
    const other = prober === a ? b : a;
    prober.success('dep', true);
    await until(() => other.admit('dep') === 'pass', 'the other replica to see the closed breaker', 3_000);
    expect(prober.state('dep')).toBe('closed');
    await a.close();
    await b.close();
  });

  it('a replica that missed the message catches up on its periodic read', async () => {
    const a = await replica();
    const redis = new Redis(testRedisUrl());
    clients.push(redis);
    const deaf = new BreakerBoard(new RedisBreakerStore(redis, prefix, systemClock), systemClock, silent, 100);
    expect(deaf.admit('dep-late')).toBe('pass');
    const now = Date.now();
    await new RedisBreakerStore(redis, prefix, systemClock).write('dep-late', { status: 'open', openUntil: now + 60_000, opens: 1, since: now });
    expect(deaf.admit('dep-late')).toBe('pass');
    await deaf.refresh();
    expect(deaf.admit('dep-late')).toBe('blocked');
    await a.close();
    await deaf.close();
  });
});
