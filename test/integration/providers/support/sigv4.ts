import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The SigV4 `Authorization` header for a request as a server receives it, computed from the AWS
 * specification with node:crypto alone (independent of the SDK signer under test): canonical
 * request (path segments encoded again, as every service but S3 requires), string to sign, the
 * date/region/service signing key. `signedHeaders` is the list the request claims to have signed.
 */
export function sigV4Authorization(
  req: { method: string; url: string; headers: IncomingHttpHeaders; body: string },
  creds: { accessKeyId: string; secretAccessKey: string },
  region: string,
  service: string,
  signedHeaders: string[],
): string {
  const url = new URL(req.url, 'http://placeholder');
  const path = url.pathname
    .split('/')
    .map((segment) => rfc3986(segment))
    .join('/');
  const query = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const headers = signedHeaders.map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, path, query, headers, signedHeaders.join(';'), sha256(req.body)].join('\n');
  const amzDate = String(req.headers['x-amz-date']);
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, amzDate.slice(0, 8)), region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}

/** The signed-header list of an `Authorization` header. */
export const signedHeadersOf = (authorization: string | undefined): string[] => /SignedHeaders=([^,]+)/.exec(authorization ?? '')?.[1].split(';') ?? [];
