import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Errors } from '@helix/contracts';
import { createLogger } from '@helix/telemetry';
import { loadConfig } from '@helix/config';
import { configureHttpApp, createFastifyAdapter } from './http-app.js';

@Controller()
class ProbeController {
  @Post('/echo') echo(@Body() body: unknown) {
    return body;
  }
  @Get('/refuse') refuse() {
    throw Errors.badRequest('nope', 'model');
  }
  @Get('/crash') crash() {
    throw new Error('secret internal detail');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

let app: NestFastifyApplication;
const logged: unknown[] = [];

beforeAll(async () => {
  app = await NestFactory.create<NestFastifyApplication>(ProbeModule, createFastifyAdapter(1024), { logger: false });
  const log = createLogger(loadConfig({ env: {} }), { write: (l: string) => void logged.push(JSON.parse(l)) });
  configureHttpApp(app, 1024, log);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});
afterAll(() => app.close());

const inject = (opts: InjectOptions) => app.getHttpAdapter().getInstance().inject(opts);

describe('HTTP errors and request ids', () => {
  it('answers a malformed JSON body with a 400 invalid_json, never a 500', async () => {
    const res = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"model": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
  });

  it('answers a body nested deeper than 128 levels with a 400 invalid_json, and takes 128 levels', async () => {
    const nested = (depth: number) => JSON.stringify({ x: JSON.parse('['.repeat(depth - 1) + ']'.repeat(depth - 1)) });
    const deep = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: nested(129) });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', message: expect.stringMatching(/128 levels/) });
    const fits = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: nested(128) });
    expect(fits.statusCode).toBe(201);
  });

  it('answers a lone surrogate or NUL in a string or a key with a 400 invalid_json, and takes a surrogate pair', async () => {
    for (const payload of ['{"name":"a\\udfffb"}', '{"x":[{"\\ud800":1}]}', '{"name":"a\\u0000"}']) {
      const res = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_json', message: expect.stringMatching(/NUL .* or an unpaired UTF-16 surrogate/) });
    }
    const pair = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":"\\ud83d\\ude42 ok"}' });
    expect(pair.statusCode).toBe(201);
    expect(pair.json()).toEqual({ name: '🙂 ok' });
  });

  it('answers a body over the limit with a 413', async () => {
    const res = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'a'.repeat(2000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('passes a small body and keeps a safe inbound x-request-id', async () => {
    const res = await inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' }, payload: '{"a":1}' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('replaces an unsafe x-request-id with a UUIDv7', async () => {
    const res = await inject({ method: 'GET', url: '/refuse', headers: { 'x-request-id': 'bad id\twith tabs' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shapes HelixErrors, unknown routes and crashes the OpenAI way', async () => {
    const refused = await inject({ method: 'GET', url: '/refuse' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ error: { message: 'nope', type: 'invalid_request_error', param: 'model', code: 'invalid_request_error' } });
    const missing = await inject({ method: 'GET', url: '/nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.type).toBe('not_found_error');
    const crash = await inject({ method: 'GET', url: '/crash' });
    expect(crash.statusCode).toBe(500);
    const body = crash.json();
    expect(body.error.message).not.toContain('secret');
    const errorId = /Error id: ([0-9a-f-]+)/.exec(body.error.message)![1];
    expect(logged).toContainEqual(expect.objectContaining({ errorId, msg: 'internal error' }));
  });
});
