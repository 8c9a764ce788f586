import { request } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** SHA-256 fingerprint of the certificate the server presented. */
  serverCert: string;
}

/** One HTTPS GET on a fresh connection (no agent), trusting `ca`, with an optional client certificate. */
export function httpsGet(url: string, tls: { ca: Buffer; cert?: Buffer; key?: Buffer }): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...tls, agent: false, timeout: 5_000 }, (res) => {
      const serverCert = ((res.socket as TLSSocket).getPeerCertificate() as PeerCertificate).fingerprint256;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, serverCert }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}
