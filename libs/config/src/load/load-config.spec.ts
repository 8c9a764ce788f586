import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../config.error.js';
import { loadConfig, loadConfigOrExit } from './load-config.js';

const dirs: string[] = [];
function yamlFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'helix-config-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'helix.yaml'), text);
  return join(dir, 'helix.yaml');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const BAD = `
mode: weird
http: { port: 70000, extra: 1 }
nats: { url: "http://x:4222", user: bob }
redis: { url: "redis//nope", keyPrefix: "a{b}" }
log: 5
database: { poolSize: 0, ssl: { caFile: /no/such/ca.pem } }
telemetry: { tracing: { sampleRatio: 2 } }
unknownGroup: 1
`;

describe('loadConfig', () => {
  it('reports every bad field at once, each with its path', () => {
    const issues = issuesOf(() => loadConfig({ path: yamlFile(BAD), env: { HELIX__HTTP__HOST: 'not a host!' } }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'mode', message: 'must be one of the following values: embedded, distributed' },
        { path: 'unknownGroup', message: 'is not a known field' },
        { path: 'http.extra', message: 'is not a known field' },
        { path: 'http.host', message: 'must be an IP address or a host name' },
        { path: 'http.port', message: 'must not be greater than 65535' },
        { path: 'nats.url', message: expect.stringMatching(/^must be a nats:\/\/ or tls:\/\//) },
        { path: 'nats.pass', message: 'is required when nats.user is set' },
        { path: 'redis.url', message: 'must be a redis:// or rediss:// URL' },
        { path: 'redis.keyPrefix', message: expect.stringContaining("must end with ':'") },
        { path: 'log', message: 'must be a mapping of fields' },
        { path: 'database.poolSize', message: 'must not be less than 1' },
        { path: 'database.ssl.caFile', message: 'must be the path of an existing file' },
        { path: 'telemetry.tracing.sampleRatio', message: 'must not be greater than 1' },
      ]),
    );
    expect(issues).toHaveLength(13);
  });

  it('checks that a request body fits in one bus message', () => {
    const tight = { http: { bodyLimitBytes: 1_000_000 }, nats: { maxPayloadBytes: 1_048_576 } };
    expect(issuesOf(() => loadConfig({ path: yamlFile(''), env: {}, overrides: tight }))).toEqual([
      { path: 'http.bodyLimitBytes', message: expect.stringMatching(/^must be at most nats.maxPayloadBytes - 64 KiB = 983040/) },
    ]);
    const fits = { ...tight, http: { bodyLimitBytes: 983_040 } };
    expect(loadConfig({ path: yamlFile(''), env: {}, overrides: fits }).http.bodyLimitBytes).toBe(983_040);
  });

  it('requires a database URL in distributed mode only', () => {
    expect(issuesOf(() => loadConfig({ path: yamlFile('mode: distributed'), env: {} }))).toEqual([
      { path: 'database.url', message: 'is required in distributed mode (set DATABASE_URL)' },
    ]);
    const env = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/helix' };
    expect(loadConfig({ path: yamlFile('mode: distributed'), env }).database.url).toBe(env.DATABASE_URL);
  });

  it('reports a YAML syntax error and a file that is not a mapping', () => {
    expect(issuesOf(() => loadConfig({ path: yamlFile('http: [1'), env: {} }))[0].path).toBe('(file)');
    expect(issuesOf(() => loadConfig({ path: yamlFile('- 1'), env: {} }))[0].message).toMatch(/must be a mapping/);
  });

  it('runs on defaults when the default file is missing, but not when a named file is', () => {
    const cwd = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), 'helix-nofile-')));
    dirs.push(process.cwd());
    try {
      expect(loadConfig({ env: {} }).http.port).toBe(8080);
      expect(issuesOf(() => loadConfig({ env: { HELIX_CONFIG: 'missing.yaml' } }))).toEqual([
        { path: '(file)', message: `${resolve('missing.yaml')} does not exist` },
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('computes derived values once and freezes the result deeply', () => {
    const config = loadConfig({ path: yamlFile('dataDir: ./var/helix'), env: {}, service: 'gateway' });
    expect(config.service).toBe('gateway');
    expect(config.dataDir).toBe(resolve('./var/helix'));
    expect(config.nats.name).toBe('helix-gateway');
    expect(config.telemetry.serviceName).toBe('helix-gateway');
    expect(Object.isFrozen(config) && Object.isFrozen(config.telemetry.metrics)).toBe(true);
    expect(() => Object.assign(config.http, { port: 1 })).toThrow(TypeError);
  });

  it('loadConfigOrExit prints every issue and exits with 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfigOrExit({ path: yamlFile(BAD), env: {} })).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      const printed = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(printed).toContain('http.port: must not be greater than 65535');
      expect(printed).toContain('telemetry.tracing.sampleRatio: must not be greater than 1');
      expect(loadConfigOrExit({ path: yamlFile(''), env: {} }).mode).toBe('embedded');
      expect(exit).toHaveBeenCalledTimes(1);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
