import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import { request } from 'undici';
import type { AccessToken } from './cached-token.js';

const TIMEOUT_MS = 10_000;

/** The gateway's own credentials failed: 502, retryable (another deployment may work), naming the deployment, never the secret. */
export const credentialsError = (depId: string, detail: string, cause?: unknown): HelixError => {
  const err = new HelixError(
    502,
    ErrorTypes.upstream,
    `The gateway could not get upstream credentials for deployment "${depId}": ${detail}. Your API key is fine; the gateway operator must fix the deployment credentials.`,
    ErrorCodes.upstreamError,
    null,
    {},
    true,
  );
  if (cause !== undefined) err.cause = cause;
  return err;
};

/**
 * POSTs an OAuth 2.0 token request (`application/x-www-form-urlencoded`) and reads
 * `{access_token, expires_in}` (RFC 6749 §5.1). Fails with `credentialsError`.
 */
export async function requestToken(url: string, form: Record<string, string>, depId: string): Promise<AccessToken> {
  const started = Date.now();
  let status: number;
  let text: string;
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    throw credentialsError(depId, `the token endpoint ${new URL(url).host} did not answer`, err);
  }
  const json = parse(text);
  const token = json?.access_token;
  if (status >= 400 || typeof token !== 'string' || !token) {
    const reason = typeof json?.error === 'string' ? `${json.error}${typeof json.error_description === 'string' ? `: ${json.error_description}` : ''}` : `HTTP ${status}`;
    throw credentialsError(depId, `the token endpoint ${new URL(url).host} refused (${reason.slice(0, 200)})`);
  }
  const expiresIn = Number(json?.expires_in);
  return { token, expiresAt: started + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000 };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
