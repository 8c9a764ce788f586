import { readFileSync } from 'node:fs';
import type { TlsConfig } from '@helix/config';

/** Node TLS options from a TLS config group (files read once, at start). */
export function tlsOptions(tls: TlsConfig | undefined): { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean } | undefined {
  if (!tls) return undefined;
  return {
    ca: tls.caFile ? readFileSync(tls.caFile) : undefined,
    cert: tls.certFile ? readFileSync(tls.certFile) : undefined,
    key: tls.keyFile ? readFileSync(tls.keyFile) : undefined,
    rejectUnauthorized: tls.rejectUnauthorized,
  };
}
