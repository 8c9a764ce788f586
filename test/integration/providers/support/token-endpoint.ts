import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import type { Received } from './replay-server.js';

/** A service-account key made for one test: a fresh RSA pair, its token_uri pointing at a local endpoint. */
export function testServiceAccount(tokenUri: string, clientEmail: string): { json: Record<string, string>; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const json = {
    type: 'service_account',
    project_id: 'helix-test',
    private_key_id: 'kid-test-1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: clientEmail,
    token_uri: tokenUri,
  };
  return { json, publicKey };
}

/**
 * A local OAuth token endpoint for the JWT-bearer grant: it verifies the assertion's RS256
 * signature with the service account's public key and its claims, then issues `ya29.test-<n>`.
 * Anything else gets `invalid_grant`, as Google's endpoint answers.
 */
export class JwtTokenEndpoint {
  readonly keys = new Map<string, KeyObject>();
  issued = 0;
  readonly claims: Record<string, unknown>[] = [];

  constructor(readonly path = '/token') {}

  handle = (r: Received): { status: number; body: string } | undefined => {
    if (r.url !== this.path) return undefined;
    const form = new URLSearchParams(r.body);
    const refuse = (why: string) => ({ status: 400, body: JSON.stringify({ error: 'invalid_grant', error_description: why }) });
    if (r.headers['content-type'] !== 'application/x-www-form-urlencoded') return refuse('bad content type');
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return refuse('bad grant_type');
    const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
    const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
    const claims = json(payload);
    const key = this.keys.get(String(claims.iss));
    if (!key || json(header).alg !== 'RS256') return refuse('unknown issuer');
    if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return refuse('Invalid JWT Signature.');
    const now = Math.floor(Date.now() / 1000);
    if (Number(claims.exp) - Number(claims.iat) !== 3600 || Math.abs(Number(claims.iat) - now) > 60) return refuse('bad lifetime');
    this.claims.push(claims);
    this.issued++;
    return { status: 200, body: JSON.stringify({ access_token: `ya29.test-${this.issued}`, expires_in: 3599, token_type: 'Bearer' }) };
  };
}
