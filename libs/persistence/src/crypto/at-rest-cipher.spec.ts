import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { AtRestCipher, isSealed } from './at-rest-cipher.js';
import { atRestFromConfig, PLAIN_AT_REST } from './cipher-from-config.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const plain = Buffer.from('{"answer":"the secret plan"}');

describe('AtRestCipher', () => {
  it('seals with version and key id, hides the plaintext, and opens it again', () => {
    const c = new AtRestCipher(new Map([['k1', k1]]), 'k1');
    const sealed = c.seal(plain, 'ctx');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed[3]).toBe(1);
    expect(AtRestCipher.keyIdOf(sealed)).toBe('k1');
    expect(sealed.includes('secret')).toBe(false);
    expect(c.open(sealed, 'ctx').equals(plain)).toBe(true);
    expect(isSealed(plain)).toBe(false);
  });

  it('opens values of an old key after a rotation, and seals new ones with the new key', () => {
    const old = new AtRestCipher(new Map([['k1', k1]]), 'k1').seal(plain);
    const rotated = new AtRestCipher(new Map([['k1', k1], ['k2', k2]]), 'k2');
    expect(rotated.open(old).equals(plain)).toBe(true);
    expect(AtRestCipher.keyIdOf(rotated.seal(plain))).toBe('k2');
    expect(() => new AtRestCipher(new Map([['k2', k2]]), 'k2').open(old)).toThrow(/k1/);
  });

  it('refuses a tampered value, a wrong context and a truncated value', () => {
    const c = new AtRestCipher(new Map([['k1', k1]]), 'k1');
    const sealed = c.seal(plain, 'scope-a');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 3]! ^= 0x01;
    expect(() => c.open(flipped, 'scope-a')).toThrow();
    expect(() => c.open(sealed, 'scope-b')).toThrow();
    expect(() => c.open(sealed.subarray(0, 20), 'scope-a')).toThrow();
    expect(c.open(sealed, 'scope-a').equals(plain)).toBe(true);
  });
});

describe('atRestFromConfig', () => {
  const key = (b: Buffer) => b.toString('base64');
  const load = (encryption: Record<string, unknown>) => loadConfig({ env: {}, overrides: { encryption } }).encryption;

  it('stores plain without an active key, and seals with one', () => {
    expect(atRestFromConfig(load({}), 'cache').seal(plain).equals(plain)).toBe(true);
    const on = atRestFromConfig(load({ activeKeyId: 'a', keys: [{ id: 'a', key: key(k1) }] }), 'cache');
    expect(on.sealing).toBe(true);
    expect(on.open(on.seal(plain)).equals(plain)).toBe(true);
    expect(atRestFromConfig(load({ activeKeyId: 'a', keys: [{ id: 'a', key: key(k1) }], cache: false }), 'cache').sealing).toBe(false);
  });

  it('still opens sealed values when encryption is turned off but keys remain; plain stores refuse them', () => {
    const sealed = atRestFromConfig(load({ activeKeyId: 'a', keys: [{ id: 'a', key: key(k1) }] }), 'audit').seal(plain);
    const off = atRestFromConfig(load({ keys: [{ id: 'a', key: key(k1) }] }), 'audit');
    expect(off.sealing).toBe(false);
    expect(off.open(sealed).equals(plain)).toBe(true);
    expect(off.open(plain).equals(plain)).toBe(true);
    expect(() => PLAIN_AT_REST.open(sealed)).toThrow();
  });

  it('refuses an active key id that names no key, at load', () => {
    expect(() => load({ activeKeyId: 'b', keys: [{ id: 'a', key: key(k1) }] })).toThrow(/activeKeyId/);
  });
});
