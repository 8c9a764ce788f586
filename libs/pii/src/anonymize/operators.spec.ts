import { describe, expect, it } from 'vitest';
import { applyOperator } from './operators.js';
import { NodePiiCrypto } from './pii-crypto.js';
import { Placeholders } from './placeholders.js';

const crypto = new NodePiiCrypto({ hashSecret: 'test-secret', encryptionKeys: [{ id: 'k2', key: Buffer.alloc(32, 2).toString('base64') }, { id: 'k1', key: Buffer.alloc(32, 1).toString('base64') }] });
const ctx = (tenantKey = 'org-a') => ({ placeholders: new Placeholders(), crypto, tenantKey });

describe('operators', () => {
  it('replace: the same value gets the same placeholder, numbered per type in order', () => {
    const c = ctx();
    const r = (t: string, v: string) => applyOperator({ operator: 'replace' }, t, v, c);
    expect([r('PERSON', 'Ada'), r('EMAIL_ADDRESS', 'a@b.co'), r('PERSON', 'Bob'), r('PERSON', 'Ada')]).toEqual(['<PERSON_1>', '<EMAIL_ADDRESS_1>', '<PERSON_2>', '<PERSON_1>']);
    expect(c.placeholders.added).toEqual([
      { placeholder: '<PERSON_1>', original: 'Ada' },
      { placeholder: '<EMAIL_ADDRESS_1>', original: 'a@b.co' },
      { placeholder: '<PERSON_2>', original: 'Bob' },
    ]);
  });

  it('replace continues after known placeholders and reuses them', () => {
    const p = new Placeholders([{ placeholder: '<PERSON_1>', original: 'Ada' }]);
    expect([p.for('PERSON', 'Ada'), p.for('PERSON', 'Eve')]).toEqual(['<PERSON_1>', '<PERSON_2>']);
    expect(p.added).toEqual([{ placeholder: '<PERSON_2>', original: 'Eve' }]);
  });

  it('mask keeps the last N characters, or masks N from either end', () => {
    expect(applyOperator({ operator: 'mask', keepLast: 4 }, 'CREDIT_CARD', '4111111111111111', ctx())).toBe('************1111');
    expect(applyOperator({ operator: 'mask', charsToMask: 3, fromEnd: true, maskChar: '#' }, 'X', 'abcdef', ctx())).toBe('abc###');
  });

  it('hash is HMAC-SHA256 keyed per tenant: stable within a tenant, different across tenants', () => {
    const a = applyOperator({ operator: 'hash' }, 'EMAIL_ADDRESS', 'a@b.co', ctx('org-a'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(applyOperator({ operator: 'hash' }, 'EMAIL_ADDRESS', 'a@b.co', ctx('org-a'))).toBe(a);
    expect(applyOperator({ operator: 'hash' }, 'EMAIL_ADDRESS', 'a@b.co', ctx('org-b'))).not.toBe(a);
  });

  it('redact removes; encrypt is AES-256-GCM with the active key id and decrypts with any configured key', () => {
    expect(applyOperator({ operator: 'redact' }, 'PERSON', 'Ada', ctx())).toBe('');
    const token = applyOperator({ operator: 'encrypt' }, 'PERSON', 'Ada', ctx());
    expect(token).toMatch(/^enc:k2:/);
    expect(token).not.toContain('Ada');
    expect(crypto.decrypt(token)).toBe('Ada');
    const old = new NodePiiCrypto({ hashSecret: '', encryptionKeys: [{ id: 'k1', key: Buffer.alloc(32, 1).toString('base64') }] }).encrypt('Eve');
    expect(crypto.decrypt(old)).toBe('Eve');
    const tampered = token.slice(0, -8) + (token.at(-8) === 'A' ? 'B' : 'A') + token.slice(-7);
    expect(() => crypto.decrypt(tampered)).toThrow();
  });
});
