import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCacheStore, scopeOf, type CacheStore } from '@helix/cache';
import { loadConfig } from '@helix/config';
import { atRestFromConfig, type AtRest } from '@helix/persistence';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { entry, storeContract } from '../cache/store.contract.js';
import { redisStoreTarget } from '../cache/support/redis-store-target.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const atRest = (encryption: Record<string, unknown>): AtRest => atRestFromConfig(loadConfig({ env: {}, overrides: { encryption } }).encryption, 'cache');
const sealedK1 = () => atRest({ activeKeyId: 'k1', keys: [{ id: 'k1', key: k1 }] });

storeContract('redis, answers encrypted at rest', () => redisStoreTarget(sealedK1()));

describe('cache entries encrypted at rest in Redis', () => {
  const prefix = testRedisPrefix();
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  const stores: CacheStore[] = [];
  const store = (a: AtRest | undefined) => {
    const s = new RedisCacheStore(redis, prefix, { streamMaxLen: 1_000, atRest: a });
    stores.push(s);
    return s;
  };
  const scope = scopeOf({ orgId: 'org-enc', teamId: 'team-enc', keyId: 'k' }, 'team');
  const other = scopeOf({ orgId: 'org-enc', teamId: 'team-other', keyId: 'k' }, 'team');
  const secret = () => `SECRET-ANSWER-${randomBytes(6).toString('hex')}`;
  const stored = async (key: string, s = scope) => (await redis.getBuffer(`${prefix}cache:{${s.id}}:e:${key}`))!;

  beforeAll(async () => {
    await redis.ping();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('stores neither the answer nor the query text in the clear (control: without encryption, both are there)', async () => {
    const [answer, question] = [secret(), `QUESTION-${randomBytes(6).toString('hex')}`];
    const plain = entry(scope, { body: `{"content":"${answer}"}`, queryText: question });
    await store(undefined).put(scope, plain, 100);
    expect((await stored(plain.key)).includes(answer)).toBe(true);
    expect((await stored(plain.key)).includes(question)).toBe(true);

    const sealed = entry(scope, { body: `{"content":"${answer}"}`, queryText: question, vector: Int8Array.from([5, -5]) });
    const s = store(sealedK1());
    await s.put(scope, sealed, 100);
    const raw = await stored(sealed.key);
    expect(raw.includes(answer)).toBe(false);
    expect(raw.includes(question)).toBe(false);
    expect(await s.get({ scope: scope.id, key: sealed.key })).toMatchObject({ body: sealed.body, queryText: question });
    expect(await s.get({ scope: scope.id, key: plain.key })).toMatchObject({ body: plain.body });
  });

  it('keeps entries of the old key readable after a rotation, and seals new ones with the new key', async () => {
    const before = entry(scope, { body: secret() });
    await store(sealedK1()).put(scope, before, 100);
    const rotated = store(atRest({ activeKeyId: 'k2', keys: [{ id: 'k1', key: k1 }, { id: 'k2', key: k2 }] }));
    expect((await rotated.get({ scope: scope.id, key: before.key }))?.body).toBe(before.body);
    const after = entry(scope, { body: secret() });
    await rotated.put(scope, after, 100);
    expect((await stored(after.key)).includes(Buffer.from('k2'))).toBe(true);
    const withoutK1 = store(atRest({ activeKeyId: 'k2', keys: [{ id: 'k2', key: k2 }] }));
    expect(await withoutK1.get({ scope: scope.id, key: before.key })).toBeUndefined();
    expect((await withoutK1.get({ scope: scope.id, key: after.key }))?.body).toBe(after.body);
  });

  it('never serves a tampered entry or one moved to another scope: a miss', async () => {
    const s = store(sealedK1());
    const e = entry(scope, { body: secret() });
    await s.put(scope, e, 100);
    expect((await s.get({ scope: scope.id, key: e.key }))?.body).toBe(e.body);
    const key = `${prefix}cache:{${scope.id}}:e:${e.key}`;
    const raw = await stored(e.key);
    const tampered = Buffer.from(raw);
    tampered[raw.length - 1]! ^= 0x01;
    await redis.set(key, tampered, 'KEEPTTL');
    expect(await s.get({ scope: scope.id, key: e.key })).toBeUndefined();
    expect(await s.getMany([{ scope: scope.id, key: e.key }, { scope: scope.id, key: e.key }])).toEqual([undefined, undefined]);

    const moved = entry(other, { key: e.key, body: 'placeholder' });
    await s.put(other, moved, 100);
    await redis.set(`${prefix}cache:{${other.id}}:e:${e.key}`, raw, 'KEEPTTL');
    expect(await s.get({ scope: other.id, key: e.key })).toBeUndefined();
  });
});
