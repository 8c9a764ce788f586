import { describe, expect, it } from 'vitest';
import { CachedToken, REFRESH_MARGIN_MS } from './cached-token.js';

describe('CachedToken', () => {
  const setup = () => {
    let now = 1_000_000;
    let fetches = 0;
    let fail = false;
    const token = new CachedToken(async () => {
      fetches++;
      if (fail) throw new Error('endpoint down');
      return { token: `t${fetches}`, expiresAt: now + 3_600_000 };
    }, () => now);
    return { token, advance: (ms: number) => (now += ms), fetches: () => fetches, failNext: (v: boolean) => (fail = v) };
  };

  it('fetches once and reuses the token until the refresh margin before expiry, then refreshes', async () => {
    const t = setup();
    expect(await t.token.get()).toBe('t1');
    t.advance(3_600_000 - REFRESH_MARGIN_MS - 1);
    expect(await t.token.get()).toBe('t1');
    t.advance(1);
    expect(await t.token.get()).toBe('t2');
    expect(t.fetches()).toBe(2);
  });

  it('shares one fetch among concurrent callers', async () => {
    const t = setup();
    expect(await Promise.all([t.token.get(), t.token.get(), t.token.get()])).toEqual(['t1', 't1', 't1']);
    expect(t.fetches()).toBe(1);
  });

  it('does not cache a failure: the next call fetches again', async () => {
    const t = setup();
    t.failNext(true);
    await expect(t.token.get()).rejects.toThrow('endpoint down');
    t.failNext(false);
    expect(await t.token.get()).toBe('t2');
  });
});
