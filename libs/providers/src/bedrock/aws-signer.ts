import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { UpstreamRequest } from '../provider.js';

/** A SigV4 signer for one service and region (the AWS SDK's own signer; it caches signing keys per day). */
export const awsSigner = (service: string, region: string, credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider): SignatureV4 =>
  new SignatureV4({ service, region, credentials, sha256: Hash.bind(null, 'sha256'), uriEscapePath: true, applyChecksum: true });

/**
 * Signs an upstream request: adds `authorization`, `x-amz-date`, `x-amz-content-sha256` and, for
 * temporary credentials, `x-amz-security-token`. The `host` header it signs is the URL's host,
 * which the transport sends, so it is not repeated in the returned headers.
 */
export async function signRequest(request: UpstreamRequest, signer: SignatureV4, signingDate?: Date): Promise<UpstreamRequest> {
  const url = new URL(request.url);
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
      body: request.body,
    },
    signingDate ? { signingDate } : {},
  );
  const { host: _host, ...headers } = signed.headers;
  return { ...request, headers };
}
