import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwtAssertion } from './jwt-assertion.js';
import { parseServiceAccount } from './service-account.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = { type: 'service_account', client_email: 'sa@p.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), private_key_id: 'kid1' };

describe('jwtAssertion', () => {
  it('is an RS256 JWT for the token endpoint, valid one hour, that verifies with the public key', () => {
    const sa = parseServiceAccount(key);
    const [h, p, s] = jwtAssertion(sa, 'scope-a', 1_700_000_000).split('.');
    const json = (x: string) => JSON.parse(Buffer.from(x, 'base64url').toString());
    expect(json(h)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid1' });
    expect(json(p)).toEqual({ iss: 'sa@p.iam.gserviceaccount.com', scope: 'scope-a', aud: 'https://oauth2.googleapis.com/token', iat: 1_700_000_000, exp: 1_700_003_600 });
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}x`), publicKey, Buffer.from(s, 'base64url'))).toBe(false);
  });

  it('refuses keys that are not usable service-account keys, without echoing the key', () => {
    expect(() => parseServiceAccount('{not json')).toThrow('not valid JSON');
    expect(() => parseServiceAccount({ ...key, type: 'authorized_user' })).toThrow('"authorized_user"');
    expect(() => parseServiceAccount({ ...key, client_email: '' })).toThrow('no client_email');
    const err = (() => {
      try {
        parseServiceAccount({ ...key, private_key: '-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n-----END PRIVATE KEY-----' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(err).toContain('not a valid PEM key');
    expect(err).not.toContain('SECRETSECRET');
  });
});
