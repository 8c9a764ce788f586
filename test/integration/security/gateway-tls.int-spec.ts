import { copyFileSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { configureHttpApp, configureHttpSecurity, createFastifyAdapter } from '@helix/platform';
import { createLogger } from '@helix/telemetry';
import { TestPki, type CertFiles } from './support/certs.js';
import { httpsGet } from './support/https-get.js';

@Controller()
class ProbeController {
  @Get('/v1/probe') probe() {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const pki = new TestPki();
let serverCa: CertFiles, clientCa: CertFiles, otherCa: CertFiles;
let server: CertFiles, client: CertFiles, stranger: CertFiles;
let app: NestFastifyApplication | undefined;

beforeAll(() => {
  serverCa = pki.ca('server-ca');
  clientCa = pki.ca('client-ca');
  otherCa = pki.ca('other-ca');
  server = pki.leaf('server', serverCa, 'server');
  client = pki.leaf('alice', clientCa, 'client');
  stranger = pki.leaf('mallory', otherCa, 'client');
});
afterAll(() => pki.dispose());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A Helix HTTP app on 127.0.0.1 with `http.tls` (files copied, so a test can replace them). */
async function start(tls: Record<string, unknown>): Promise<string> {
  const certFile = `${pki.dir}/live.crt`;
  const keyFile = `${pki.dir}/live.key`;
  copyFileSync(server.cert, certFile);
  copyFileSync(server.key, keyFile);
  const config = loadConfig({ env: {}, overrides: { http: { tls: { certFile, keyFile, ...tls } } } });
  const log = createLogger(config, { write: () => {} });
  app = await NestFactory.create<NestFastifyApplication>(ProbeModule, createFastifyAdapter(1024, config.http.tls), { logger: false });
  configureHttpApp(app, 1024, log);
  configureHttpSecurity(app, config.http, log);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  return `https://127.0.0.1:${port}/v1/probe`;
}

const fingerprint = (f: CertFiles) => new X509Certificate(readFileSync(f.cert)).fingerprint256;
const ca = () => readFileSync(serverCa.cert);

describe('gateway HTTPS (http.tls)', () => {
  it('serves HTTPS with HSTS and the security headers', async () => {
    const url = await start({});
    const res = await httpsGet(url, { ca: ca() });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(res.serverCert).toBe(fingerprint(server));
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('loads a renewed certificate when its files change, without a restart', async () => {
    const url = await start({});
    expect((await httpsGet(url, { ca: ca() })).serverCert).toBe(fingerprint(server));
    const renewed = pki.leaf('server-renewed', serverCa, 'server');
    copyFileSync(renewed.key, `${pki.dir}/live.key`);
    copyFileSync(renewed.cert, `${pki.dir}/live.crt`);
    let seen = '';
    for (let i = 0; i < 50 && seen !== fingerprint(renewed); i++) {
      await new Promise((r) => setTimeout(r, 200));
      seen = (await httpsGet(url, { ca: ca() }).catch(() => ({ serverCert: '' }))).serverCert;
    }
    expect(seen).toBe(fingerprint(renewed));
    expect(fingerprint(renewed)).not.toBe(fingerprint(server));
  });
});

describe('client certificates (http.tls.clientAuth)', () => {
  it('required: a verified client certificate gets in; none, or one from another CA, fails the handshake', async () => {
    const url = await start({ caFile: clientCa.cert, clientAuth: 'required' });
    const ok = await httpsGet(url, { ca: ca(), ...pki.read(client) });
    expect(ok.status).toBe(200);
    await expect(httpsGet(url, { ca: ca() })).rejects.toThrow();
    await expect(httpsGet(url, { ca: ca(), ...pki.read(stranger) })).rejects.toThrow();
  });

  it('optional: no certificate passes, a verified one passes, one that does not verify is a 401 OpenAI-style error', async () => {
    const url = await start({ caFile: clientCa.cert, clientAuth: 'optional' });
    expect((await httpsGet(url, { ca: ca() })).status).toBe(200);
    expect((await httpsGet(url, { ca: ca(), ...pki.read(client) })).status).toBe(200);
    const refused = await httpsGet(url, { ca: ca(), ...pki.read(stranger) });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
  });

  it('off: a client certificate from any CA is ignored', async () => {
    const url = await start({});
    expect((await httpsGet(url, { ca: ca(), ...pki.read(stranger) })).status).toBe(200);
  });
});
