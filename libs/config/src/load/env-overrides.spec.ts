import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.error.js';
import { loadConfig } from './load-config.js';
import { parseScalar } from './scalar.js';

const dir = mkdtempSync(join(tmpdir(), 'helix-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'helix.yaml');
writeFileSync(FILE, 'http: { port: 9000, bodyLimitBytes: 2048 }\nlog: { level: warn }\nredis: { keyPrefix: "file:" }\n');

const load = (env: Record<string, string>) => loadConfig({ path: FILE, env });

describe('environment overrides', () => {
  it('leave the file alone when no variable is set', () => {
    const config = load({});
    expect([config.http.port, config.log.level, config.redis.keyPrefix]).toEqual([9000, 'warn', 'file:']);
  });

  it('apply the usual variables over the file', () => {
    const config = load({
      PORT: '8181',
      NATS_URL: 'nats://127.0.0.1:4333,nats://127.0.0.1:4334',
      REDIS_URL: 'rediss://127.0.0.1:6380',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/helix',
      LOG_LEVEL: 'debug',
      HELIX_MODE: 'distributed',
      HELIX_DATA_DIR: '/var/lib/helix',
    });
    expect(config.http.port).toBe(8181);
    expect(config.nats.url).toBe('nats://127.0.0.1:4333,nats://127.0.0.1:4334');
    expect(config.redis.url).toBe('rediss://127.0.0.1:6380');
    expect(config.database.url).toBe('postgres://u:p@127.0.0.1:5432/helix');
    expect(config.log.level).toBe('debug');
    expect(config.mode).toBe('distributed');
    expect(config.dataDir).toBe('/var/lib/helix');
  });

  it('apply HELIX__GROUP__FIELD, matching camelCase names case-insensitively', () => {
    const config = load({
      HELIX__HTTP__BODYLIMITBYTES: '4096',
      HELIX__NATS__REQUEST_TIMEOUT_MS: '750',
      HELIX__log__PRETTY: 'true',
      HELIX__TELEMETRY__TRACING__SAMPLE_RATIO: '0.25',
      HELIX__REDIS__KEY_PREFIX: 'env:',
    });
    expect(config.http.bodyLimitBytes).toBe(4096);
    expect(config.http.port).toBe(9000);
    expect(config.nats.requestTimeoutMs).toBe(750);
    expect(config.log.pretty).toBe(true);
    expect(config.telemetry.tracing.sampleRatio).toBe(0.25);
    expect(config.redis.keyPrefix).toBe('env:');
  });

  it('spell a field that is not in the file or the defaults from SNAKE_CASE', () => {
    const config = load({ HELIX__NATS__TLS__REJECT_UNAUTHORIZED: 'false' });
    expect(config.nats.tls?.rejectUnauthorized).toBe(false);
  });

  it('win over the named variables, and report a value of the wrong type with its path', () => {
    expect(load({ PORT: '8181', HELIX__HTTP__PORT: '8282' }).http.port).toBe(8282);
    const error = (() => {
      try {
        load({ HELIX__HTTP__PORT: 'eighty', HELIX__HTTP__NOPE: '1' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.issues).toEqual([
      { path: 'http.nope', message: 'is not a known field' },
      { path: 'http.port', message: 'must be an integer number' },
    ]);
  });
});

describe('OpenTelemetry variables', () => {
  it('set the tracing endpoint, headers, sampling ratio and service name', () => {
    const t = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://tempo:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/v1/traces',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc, x-scope-orgid=team-1,broken',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_SERVICE_NAME: 'edge-gateway',
    }).telemetry;
    expect(t.tracing).toMatchObject({
      endpoint: 'http://tempo:4318',
      tracesEndpoint: 'https://otlp.example.com/v1/traces',
      headers: { authorization: 'Bearer abc', 'x-scope-orgid': 'team-1' },
      sampleRatio: 0.25,
    });
    expect(t.serviceName).toBe('edge-gateway');
  });

  it('refuse a sampling ratio outside 0..1 like any other bad value', () => {
    expect(() => load({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(ConfigError);
  });
});

describe('parseScalar', () => {
  it('reads numbers, booleans, null and flow lists as YAML and keeps every other string exact', () => {
    expect(parseScalar('8080')).toBe(8080);
    expect(parseScalar('0.5')).toBe(0.5);
    expect(parseScalar('false')).toBe(false);
    expect(parseScalar('~')).toBe(null);
    expect(parseScalar('[a, b]')).toEqual(['a', 'b']);
    expect(parseScalar('"8080"')).toBe('8080');
    expect(parseScalar('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    expect(parseScalar('s3cr#t with # hash')).toBe('s3cr#t with # hash');
    expect(parseScalar('#leading')).toBe('#leading');
    expect(parseScalar('a: b')).toBe('a: b');
    expect(parseScalar('')).toBe('');
  });
});
