import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPki, type CertFiles } from '../integration/security/support/certs.js';
import { httpsGet } from '../integration/security/support/https-get.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const pki = new TestPki();
let helix: HelixProcess;
let ca: CertFiles, clientCa: CertFiles, client: CertFiles;
let base: string;

beforeAll(async () => {
  ca = pki.ca('e2e-server-ca');
  clientCa = pki.ca('e2e-client-ca');
  const server = pki.leaf('e2e-server', ca, 'server');
  client = pki.leaf('e2e-client', clientCa, 'client');
  helix = await spawnHelix('standalone', {
    waitReady: false,
    config: { mode: 'embedded', http: { tls: { certFile: server.cert, keyFile: server.key, caFile: clientCa.cert, clientAuth: 'required' } } },
  });
  base = `https://127.0.0.1:${helix.port}`;
  const tls = { ca: readFileSync(ca.cert), ...pki.read(client) };
  for (let i = 0; i < 600; i++) {
    const ready = await httpsGet(`${base}/health/ready`, tls).catch(() => undefined);
    if (ready?.status === 200) return;
    if (helix.process.exitCode !== null) throw new Error(`exited:\n${helix.logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready over HTTPS:\n${helix.logs()}`);
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  pki.dispose();
});

describe('the standalone process over HTTPS with required client certificates (http.tls)', () => {
  it('answers a client with a verified certificate, with HSTS; the master key works over it', async () => {
    const tls = { ca: readFileSync(ca.cert), ...pki.read(client) };
    const health = await httpsGet(`${base}/health/ready`, tls);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toContain('max-age=');
    expect(helix.logs()).toContain('https://');
  });

  it('refuses the handshake without a client certificate, and plain HTTP gets no answer', async () => {
    await expect(httpsGet(`${base}/health/ready`, { ca: readFileSync(ca.cert) })).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${helix.port}/health/ready`)).rejects.toThrow();
  });
});
