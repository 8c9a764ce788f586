import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigModule, ConfigStore } from '@helix/config';
import type { Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthRegistry } from './health/health.registry.js';
import { captureLines } from './logging/capture.test-helper.js';
import { PinoNestLogger } from './logging/pino-nest.logger.js';
import { requestContext } from './logging/request-context.js';
import { LOGGER } from './telemetry.constants.js';
import { TelemetryModule } from './telemetry.module.js';

const dir = mkdtempSync(join(tmpdir(), 'helix-telemetry-'));
const file = join(dir, 'helix.yaml');
writeFileSync(file, 'log: { level: info }\n');
const store = new ConfigStore({ path: file, env: {}, service: 'cache-service' });
const { stream, lines } = captureLines();

@Controller('work')
class WorkController {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  @Get()
  work(): string {
    requestContext.run({ correlationId: 'corr-http' }, () => this.logger.info('working'));
    return 'done';
  }
}

@Module({
  imports: [ConfigModule.forRoot({ store }), TelemetryModule.forRoot({ service: 'cache-service', logDestination: stream })],
  controllers: [WorkController],
})
class AppModule {}

let app: NestFastifyApplication;
beforeAll(async () => {
  app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});
afterAll(async () => {
  await app?.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TelemetryModule on Fastify', () => {
  it('answers /health/ready with 200 while every check passes and 503 naming the failing one', async () => {
    const health = app.get(HealthRegistry);
    const removeNats = health.register('nats', async () => ({ ok: true }));
    const ok = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok', checks: { nats: { ok: true } } });

    const removeRedis = health.register('redis', async () => ({ ok: false, detail: 'ECONNREFUSED 127.0.0.1:6399' }));
    const failing = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(failing.statusCode).toBe(503);
    expect(failing.json()).toEqual({
      status: 'unavailable',
      checks: { nats: { ok: true }, redis: { ok: false, detail: 'ECONNREFUSED 127.0.0.1:6399' } },
    });
    removeNats();
    removeRedis();
  });

  it('answers /health/live and serves Prometheus text on /metrics', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { status: 'ok' }]);

    const scrape = await app.inject({ method: 'GET', url: '/metrics' });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(scrape.body).toMatch(/^process_resident_memory_bytes /m);
  });

  it("sends Nest's own logs and request logs through pino, with the correlation id", async () => {
    expect(lines.some((l) => l.context === 'NestApplication' && l.service === 'helix-cache-service')).toBe(true);
    await app.inject({ method: 'GET', url: '/work' });
    expect(lines.find((l) => l.msg === 'working')).toMatchObject({ correlationId: 'corr-http', level: 'info' });
  });

  it('follows log.level when the config reloads', () => {
    const logger = app.get<Logger>(LOGGER);
    logger.debug('dropped at info');
    writeFileSync(file, 'log: { level: debug }\n');
    expect(store.reload()).toEqual({ ok: true });
    logger.debug('kept at debug');
    expect(lines.map((l) => l.msg)).not.toContain('dropped at info');
    expect(lines.map((l) => l.msg)).toContain('kept at debug');
    expect(lines.find((l) => l.msg === 'config reloaded')).toMatchObject({ component: 'config' });
  });
});
