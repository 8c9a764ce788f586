import { requestToken } from '../oauth/token-endpoint.js';
import { TokenCache } from '../oauth/cached-token.js';
import { jwtAssertion } from './jwt-assertion.js';
import type { ServiceAccount } from './service-account.js';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const tokens = new TokenCache();

/** An access token for the service account, exchanged from a signed JWT and cached until shortly before it expires. */
/** The fetch is shared by concurrent callers, so no caller's abort signal cancels it (it is bounded by its own timeout). */
export function googleAccessToken(sa: ServiceAccount, depId: string, scope = CLOUD_PLATFORM_SCOPE): Promise<string> {
  return tokens.get(`${sa.clientEmail}|${sa.privateKeyId ?? ''}|${sa.tokenUri}|${scope}`, () =>
    requestToken(sa.tokenUri, { grant_type: JWT_BEARER, assertion: jwtAssertion(sa, scope) }, depId),
  );
}
