import { sign } from 'node:crypto';
import type { ServiceAccount } from './service-account.js';

/** Google issues at most one-hour tokens for an assertion. */
const LIFETIME_S = 3600;

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/**
 * The RS256-signed JWT a service account presents to its token endpoint
 * (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`, RFC 7523).
 */
export function jwtAssertion(sa: ServiceAccount, scope: string, nowS = Math.floor(Date.now() / 1000)): string {
  const header: Record<string, string> = { alg: 'RS256', typ: 'JWT' };
  if (sa.privateKeyId) header.kid = sa.privateKeyId;
  const claims = { iss: sa.clientEmail, scope, aud: sa.tokenUri, iat: nowS, exp: nowS + LIFETIME_S };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('RSA-SHA256', Buffer.from(input), sa.privateKey))}`;
}
