import { describe, expect, it } from 'vitest';
import { keyHint, keySha256, newApiKey, sameSha256 } from './key-material.js';

describe('key material', () => {
  it('makes hx- keys of 43 base64url characters (256 random bits), all different', () => {
    const keys = new Set(Array.from({ length: 1_000 }, newApiKey));
    expect(keys.size).toBe(1_000);
    for (const key of keys) expect(key).toMatch(/^hx-[A-Za-z0-9_-]{43}$/);
  });

  it('hashes with SHA-256 and hints with the last four characters only', () => {
    expect(keySha256('hx-abc')).toBe('22df6ffdc72165c272572884dcb075077c8925c93fd3404dec5ae04a33e1f1b1');
    expect(keySha256('hx-abc')).not.toBe(keySha256('hx-abd'));
    expect(keyHint('hx-0123456789wxyz')).toBe('hx-...wxyz');
  });

  it('compares digests by value', () => {
    expect(sameSha256(keySha256('a'), keySha256('a'))).toBe(true);
    expect(sameSha256(keySha256('a'), keySha256('b'))).toBe(false);
    expect(sameSha256(keySha256('a'), 'abc')).toBe(false);
  });
});
