import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type ServiceName } from '@helix/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/dockerfile.js';

const COMPOSE = join(ROOT, 'docker/docker-compose.yml');
const HELIX = ['gateway', 'pii-service', 'cache-service', 'cost-service', 'analytics-service'] as const;

interface Service {
  image?: string;
  command?: string[];
  profiles?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  build?: { args?: Record<string, string>; dockerfile?: string };
}

function compose(args: string[], env: Record<string, string> = { HELIX_MASTER_KEY: 'k'.repeat(40) }) {
  const res = spawnSync('docker-compose', ['-f', COMPOSE, ...args], { cwd: ROOT, env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
  if (res.error) throw new Error(`docker-compose cannot run (.ci/run installs it): ${res.error.message}`);
  return res;
}

type Resolved = { services: Record<string, Service>; volumes: Record<string, unknown> };
let memo: Resolved | undefined;
/** The file as docker-compose resolves it (anchors merged, variables filled, paths absolute). */
const resolved = (): Resolved => (memo ??= parse(compose(['config']).stdout) as Resolved);

describe('docker/docker-compose.yml', () => {
  it('passes docker-compose config -q, which refuses it without HELIX_MASTER_KEY', () => {
    const ok = compose(['config', '-q']);
    expect(ok.stderr + ok.stdout).toBe('');
    expect(ok.status).toBe(0);
    const missing = compose(['config', '-q'], {});
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('HELIX_MASTER_KEY');
  });

  it('runs NATS with JetStream and 8 MB messages, Redis Stack, Postgres and the observability stack, each infra server with a health check', () => {
    const { services } = resolved();
    expect(Object.keys(services).sort()).toEqual(
      ['alloy', 'grafana', 'loki', 'migrate', 'mock-upstream', 'nats', 'postgres', 'prometheus', 'redis', 'tempo', 'tempo-init', ...HELIX].sort(),
    );
    expect(services.redis!.image).toMatch(/^redis\/redis-stack-server:/);
    const nats = readFileSync(join(ROOT, 'docker/nats/nats.conf'), 'utf8');
    expect(nats).toMatch(/^jetstream\s*\{/m);
    expect(nats).toMatch(/^max_payload:\s*8MB$/m);
    for (const s of ['nats', 'redis', 'postgres']) expect(services[s]!.healthcheck?.test.length, s).toBeGreaterThan(1);
    expect(services['mock-upstream']!.profiles).toEqual(['mock']);
    expect(Object.entries(services).filter(([, s]) => s.profiles).map(([n]) => n)).toEqual(['mock-upstream']);
  });

  it('migrates once before the five services start, and runs them distributed, read-only, from the one Dockerfile', () => {
    const { services } = resolved();
    expect(services.migrate!.command).toEqual(['npm', 'run', '-s', 'migrate']);
    expect(services.migrate!.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of HELIX) {
      const s = services[name]!;
      expect(s.build?.args?.APP, name).toBe(name);
      expect(s.build?.dockerfile, name).toBe('docker/Dockerfile');
      expect(s.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
      expect(s.depends_on?.nats?.condition, name).toBe('service_healthy');
      expect(s.read_only, name).toBe(true);
      expect(s.tmpfs, name).toContain('/tmp');
      expect(s.environment, name).toMatchObject({ HELIX_MODE: 'distributed', NATS_URL: 'nats://nats:4222', REDIS_URL: 'redis://redis:6379', HELIX_CONFIG: '/etc/helix/helix.yaml' });
      expect(s.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/helix:[^@]+@postgres:5432\/helix$/);
      expect(s.environment?.OTEL_EXPORTER_OTLP_ENDPOINT, name).toBe('http://tempo:4318');
    }
    expect(services['cache-service']!.environment?.HELIX__CACHE__SEMANTIC__INDEX).toBe('redis-search');
    expect(services.gateway!.environment?.HELIX_MASTER_KEY).toBe('k'.repeat(40));
    expect(services.gateway!.volumes?.some((v) => /:\/data(:rw)?$/.test(v))).toBe(true);
  });

  it('mounts only files that exist', () => {
    const { services } = resolved();
    const sources = Object.values(services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(':')[0]!).filter((p) => p.startsWith(ROOT)));
    expect(sources.length).toBeGreaterThan(8);
    expect(sources.filter((p) => !existsSync(p))).toEqual([]);
  });

  it("gives every service a valid Helix config: docker/helix/helix.yaml with the compose environment, through Helix's own loader", () => {
    const { services } = resolved();
    for (const name of HELIX) {
      const config = loadConfig({ path: join(ROOT, 'docker/helix/helix.yaml'), env: { ...services[name]!.environment }, service: name as ServiceName });
      expect(config.mode, name).toBe('distributed');
      expect(config.nats.url, name).toBe('nats://nats:4222');
      expect(config.pipeline.pii.enabled && config.pipeline.budget.enabled && config.pipeline.cache.enabled, name).toBe(true);
      if (name === 'cache-service') expect(config.cache.semantic.index).toBe('redis-search');
    }
    expect(() => loadConfig({ path: join(ROOT, 'docker/helix/helix.yaml'), env: { HELIX__PIPELINE__PII__TIMEOUT_MS: 'soon' }, service: 'gateway' })).toThrow(/timeoutMs/);
  });

  it('has Prometheus scrape every Helix service, load the rules and pass promtool check config', () => {
    const prom = parse(readFileSync(join(ROOT, 'docker/prometheus/prometheus.yml'), 'utf8')) as { rule_files: string[]; scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    const targets = Object.fromEntries(prom.scrape_configs.map((c) => [c.job_name, c.static_configs.flatMap((s) => s.targets)]));
    for (const name of HELIX) expect(targets[name], name).toEqual([`${name}:8080`]);
    expect(prom.rule_files).toEqual(['rules.yml']);
    const { services } = resolved();
    expect(services.prometheus!.volumes?.some((v) => v.endsWith('docker/prometheus/rules.yml:/etc/prometheus/rules.yml:ro'))).toBe(true);
    const check = spawnSync('promtool', ['check', 'config', join(ROOT, 'docker/prometheus/prometheus.yml')], { encoding: 'utf8' });
    expect(check.error, 'promtool is missing (.ci/run installs the prometheus package)').toBeUndefined();
    expect(check.stdout + check.stderr).toContain('SUCCESS');
    expect(check.status).toBe(0);
  });

  it('provisions Grafana with Prometheus, Tempo and Loki and every dashboard of docker/grafana/dashboards', () => {
    const ds = parse(readFileSync(join(ROOT, 'docker/grafana/provisioning/datasources/helix.yaml'), 'utf8')) as { datasources: { type: string; url: string; uid: string }[] };
    expect(ds.datasources.map((d) => [d.type, d.url])).toEqual([
      ['prometheus', 'http://prometheus:9090'],
      ['tempo', 'http://tempo:3200'],
      ['loki', 'http://loki:3100'],
    ]);
    const provider = parse(readFileSync(join(ROOT, 'docker/grafana/provisioning/dashboards/helix.yaml'), 'utf8')) as { providers: { options: { path: string } }[] };
    const { services } = resolved();
    const mount = services.grafana!.volumes!.find((v) => v.startsWith(join(ROOT, 'docker/grafana/dashboards:')))!;
    expect(mount.split(':')[1]).toBe(provider.providers[0]!.options.path);
    expect(readdirSync(join(ROOT, 'docker/grafana/dashboards')).filter((f) => f.endsWith('.json')).length).toBe(6);
    const alloy = readFileSync(join(ROOT, 'docker/alloy/config.alloy'), 'utf8');
    expect(alloy).toContain('http://loki:3100/loki/api/v1/push');
  });

  it('has Tempo take OTLP where the services send it and Tempo and Loki keep data in their volumes', () => {
    const { services } = resolved();
    const tempo = parse(readFileSync(join(ROOT, 'docker/tempo/tempo.yaml'), 'utf8')) as {
      server: { http_listen_port: number };
      distributor: { receivers: { otlp: { protocols: { http: { endpoint: string } } } } };
      storage: { trace: { wal: { path: string }; local: { path: string } } };
    };
    expect(new URL(services.gateway!.environment!.OTEL_EXPORTER_OTLP_ENDPOINT!).port).toBe(tempo.distributor.receivers.otlp.protocols.http.endpoint.split(':')[1]);
    const tempoVolume = services.tempo!.volumes!.find((v) => v.startsWith('tempo-data:'))!.split(':')[1]!;
    for (const path of [tempo.storage.trace.wal.path, tempo.storage.trace.local.path]) expect(path.startsWith(`${tempoVolume}/`), path).toBe(true);
    expect(services['tempo-init']!.volumes).toContain(`tempo-data:${tempoVolume}:rw`);
    const loki = parse(readFileSync(join(ROOT, 'docker/loki/loki.yaml'), 'utf8')) as { common: { path_prefix: string }; server: { http_listen_port: number } };
    expect(services.loki!.volumes!.some((v) => v === `loki-data:${loki.common.path_prefix}:rw`)).toBe(true);
    const ds = readFileSync(join(ROOT, 'docker/grafana/provisioning/datasources/helix.yaml'), 'utf8');
    expect(ds).toContain(`http://tempo:${tempo.server.http_listen_port}`);
    expect(ds).toContain(`http://loki:${loki.server.http_listen_port}`);
  });
});
