import { Controller, Get, Header, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { createLogger } from '@helix/telemetry';
import { configureHttpApp, configureHttpSecurity, createFastifyAdapter } from './http-app.js';

@Controller()
class ProbeController {
  @Post('/v1/echo') echo() {
    return { ok: true };
  }
  @Get('/page') @Header('content-type', 'text/html; charset=utf-8') page() {
    return '<!doctype html><p>hi</p>';
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

let app: NestFastifyApplication | undefined;
afterEach(() => app?.close());

async function start(http: Record<string, unknown> = {}) {
  const config = loadConfig({ env: {}, overrides: { http } });
  app = await NestFactory.create<NestFastifyApplication>(ProbeModule, createFastifyAdapter(1024), { logger: false });
  const log = createLogger(config, { write: () => {} });
  configureHttpApp(app, 1024, log);
  configureHttpSecurity(app, config.http, log);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return (opts: InjectOptions) => app!.getHttpAdapter().getInstance().inject(opts);
}

const preflight = (origin: string): InjectOptions => ({
  method: 'OPTIONS',
  url: '/v1/echo',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
});

describe('security headers', () => {
  it('sets nosniff, no framing, a referrer policy and a closed CSP on API answers and errors; no HSTS without TLS', async () => {
    const inject = await start();
    for (const res of [await inject({ method: 'POST', url: '/v1/echo' }), await inject({ method: 'GET', url: '/missing' })]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('gives HTML pages the page CSP', async () => {
    const inject = await start();
    const res = await inject({ method: 'GET', url: '/page' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('sets none when turned off', async () => {
    const inject = await start({ securityHeaders: { enabled: false } });
    const res = await inject({ method: 'POST', url: '/v1/echo' });
    expect(res.headers['x-content-type-options']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('is off by default: a preflight gets no access-control headers', async () => {
    const inject = await start();
    const res = await inject(preflight('https://app.example.com'));
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('allows a listed origin and refuses another', async () => {
    const inject = await start({ cors: { origins: ['https://app.example.com'] } });
    const allowed = await inject(preflight('https://app.example.com'));
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('authorization');
    expect(allowed.headers['access-control-max-age']).toBe('600');
    const refused = await inject(preflight('https://evil.example.net'));
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const call = await inject({ method: 'POST', url: '/v1/echo', headers: { origin: 'https://app.example.com' } });
    expect(call.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(call.headers['access-control-expose-headers'])).toContain('x-request-id');
  });
});
