import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, NAMED_ENV, type ServiceName } from '@helix/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  annotations,
  byKind,
  CHART,
  helm,
  PRODUCTION_VALUES,
  readValues,
  render,
  renderError,
  podSpec,
  ROOT,
  sourceFiles,
  type Container,
  type EnvVar,
  type K8sObject,
} from './support/chart.js';
import { validateObject } from './support/k8s-validate.js';

const APPS = ['gateway', 'pii-service', 'cache-service', 'cost-service', 'analytics-service'] as const;
const IN_CLUSTER = [
  'nats.inCluster.enabled=true',
  'redis.inCluster.enabled=true',
  'postgresql.inCluster.enabled=true',
  'ingress.enabled=true',
  'metrics.serviceMonitor.enabled=true',
  'gateway.persistence.enabled=true',
  'gateway.autoscaling.enabled=true',
];

const tmp = mkdtempSync(join(tmpdir(), 'helix-helm-'));
let defaults: K8sObject[];
let production: K8sObject[];
let inCluster: K8sObject[];

beforeAll(() => {
  defaults = render();
  production = render([PRODUCTION_VALUES]);
  inCluster = render([], IN_CLUSTER);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const deployment = (objects: K8sObject[], app: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `r1-helix-${app}`)!;
const container = (o: K8sObject): Container => podSpec(o).containers[0];
const migrationJob = (objects: K8sObject[]) => byKind(objects, 'Job')[0];
const envNames = (c: Container) => (c.env ?? []).map((e) => e.name);

describe('helm/helix renders valid Kubernetes objects', () => {
  it('passes helm lint --strict with the default and the production values', () => {
    expect(helm(['lint', '--strict', CHART])).toContain('0 chart(s) failed');
    expect(helm(['lint', '--strict', CHART, '-f', PRODUCTION_VALUES])).toContain('0 chart(s) failed');
  });

  it('renders every object the values ask for', () => {
    const kinds = (objects: K8sObject[]) => [...new Set(objects.map((o) => o.kind))].sort();
    expect(kinds(defaults)).toEqual(['ConfigMap', 'Deployment', 'Job', 'NetworkPolicy', 'PodDisruptionBudget', 'Secret', 'Service', 'ServiceAccount']);
    expect(kinds(production)).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'NetworkPolicy', 'PodDisruptionBudget', 'PrometheusRule', 'Service', 'ServiceAccount', 'ServiceMonitor'].sort(),
    );
    expect(byKind(inCluster, 'StatefulSet').map((o) => o.metadata.name).sort()).toEqual(['r1-helix-gateway', 'r1-helix-nats', 'r1-helix-postgresql', 'r1-helix-redis']);
    for (const objects of [defaults, production]) expect(byKind(objects, 'Deployment').map((o) => container(o).name).sort()).toEqual([...APPS].sort());
  });

  it('every rendered manifest passes the kubernetes-models schemas and has no field they do not know', () => {
    for (const [name, objects] of Object.entries({ defaults, production, inCluster })) {
      const problems = objects.flatMap((o) => validateObject(o).map((p) => `${name} ${o.kind}/${o.metadata.name}: ${p}`));
      expect(problems).toEqual([]);
    }
  });

  it('the validator rejects a made-up field and a wrong type (positive controls)', () => {
    const made = structuredClone(deployment(defaults, 'gateway'));
    (container(made).livenessProbe!.httpGet as Record<string, unknown>).madeUp = true;
    (made.metadata as Record<string, unknown>).nmae = 'typo';
    expect(validateObject(made).sort()).toEqual(['unknown field .metadata.nmae', 'unknown field .spec.template.spec.containers[0].livenessProbe.httpGet.madeUp']);
    const typed = structuredClone(deployment(defaults, 'gateway'));
    (typed.spec as Record<string, unknown>).replicas = 'two';
    expect(validateObject(typed).join()).toMatch(/replicas.*integer/);
    const rule = structuredClone(byKind(production, 'PrometheusRule')[0]);
    (rule.spec as { groups: Record<string, unknown>[] }).groups[0].madeUp = 1;
    expect(validateObject(rule)).toEqual(['unknown field .spec.groups[0].madeUp']);
    expect(validateObject({ apiVersion: 'v9', kind: 'Nothing' })).toEqual(['no model for v9 Nothing']);
  });
});

describe('pods', () => {
  it('every service probes /health/live (startup, liveness) and /health/ready (readiness) on the port it listens on', () => {
    for (const objects of [defaults, production]) {
      for (const app of APPS) {
        const c = container(deployment(objects, app));
        const port = c.ports!.find((p) => p.name === 'http')!;
        expect(c.env!.find((e) => e.name === 'PORT')?.value).toBe(String(port.containerPort));
        expect(c.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
        expect([c.startupProbe, c.livenessProbe, c.readinessProbe].map((p) => p?.httpGet)).toEqual([
          { path: '/health/live', port: 'http' },
          { path: '/health/live', port: 'http' },
          { path: '/health/ready', port: 'http' },
        ]);
      }
    }
  });

  it('every pod runs non-root on a read-only root with no capabilities, seccomp RuntimeDefault, emptyDirs for /tmp and the data dir', () => {
    const workloads = [...defaults, ...production, ...inCluster].filter((o) => ['Deployment', 'Job', 'StatefulSet'].includes(o.kind));
    expect(workloads.length).toBe(5 + 1 + 5 + 1 + 5 + 1 + 3);
    for (const o of workloads) {
      const pod = podSpec(o);
      expect(pod.securityContext, o.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of pod.containers) {
        expect(c.securityContext, o.metadata.name).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false });
        expect(c.securityContext!.capabilities!.drop).toEqual(['ALL']);
        const tmpMount = c.volumeMounts!.find((m) => m.mountPath === '/tmp');
        expect(pod.volumes!.find((v) => v.name === tmpMount?.name)?.emptyDir, `${o.metadata.name} /tmp`).toBeDefined();
      }
      const c = pod.containers[0];
      const dataDir = c.env?.find((e) => e.name === 'HELIX_DATA_DIR')?.value;
      if (!dataDir) continue;
      const dataMount = c.volumeMounts!.find((m) => m.mountPath === dataDir);
      const claims = ((o.spec as { volumeClaimTemplates?: { metadata: { name: string } }[] }).volumeClaimTemplates ?? []).map((t) => t.metadata.name);
      expect(pod.volumes!.find((v) => v.name === dataMount?.name)?.emptyDir ?? claims.find((n) => n === dataMount?.name), `${o.metadata.name} ${dataDir}`).toBeDefined();
    }
  });

  it('with persistence a service is a StatefulSet whose data dir is a claim per pod, scaled by its HPA', () => {
    const gw = byKind(inCluster, 'StatefulSet').find((o) => o.metadata.name === 'r1-helix-gateway')!;
    expect(byKind(inCluster, 'Deployment').map((o) => o.metadata.name)).not.toContain('r1-helix-gateway');
    expect(container(gw).volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    expect(podSpec(gw).volumes!.map((v) => v.name)).not.toContain('data');
    expect((gw.spec as { volumeClaimTemplates: unknown[] }).volumeClaimTemplates).toMatchObject([{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '5Gi' } } } }]);
    const hpa = byKind(inCluster, 'HorizontalPodAutoscaler').find((o) => o.metadata.name === 'r1-helix-gateway')!;
    expect((hpa.spec as { scaleTargetRef: unknown }).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'r1-helix-gateway' });
  });

  it('per-service blocks set replicas, resources, HPA, PDB, node selectors and tolerations', () => {
    const gw = deployment(production, 'gateway');
    expect((gw.spec as Record<string, unknown>).replicas).toBeUndefined();
    expect((deployment(production, 'cache-service').spec as Record<string, unknown>).replicas).toBe(3);
    expect(container(gw).resources).toEqual({ requests: { cpu: '1', memory: '512Mi' }, limits: { memory: '2Gi' } });
    expect(byKind(production, 'HorizontalPodAutoscaler').map((o) => o.metadata.name).sort()).toEqual(['r1-helix-gateway', 'r1-helix-pii-service']);
    expect(byKind(production, 'PodDisruptionBudget').find((o) => o.metadata.name === 'r1-helix-gateway')!.spec).toMatchObject({ maxUnavailable: 1 });
    expect(podSpec(gw)).toMatchObject({ nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ key: 'dedicated' }], priorityClassName: 'helix-critical' });
    expect(podSpec(gw).imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(container(gw).image).toBe('registry.example.com/helix/helix-gateway:0.1.0');
  });
});

describe('the migration Job', () => {
  it('is a pre-install,pre-upgrade hook deleted before it is made again, so it re-runs on every upgrade', () => {
    const job = migrationJob(defaults);
    expect(annotations(job)).toEqual({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '0',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    expect(container(job).command).toEqual(['node', 'dist/apps/standalone/src/migrate.js']);
    expect(container(job).env!.find((e) => e.name === 'HELIX_MODE')?.value).toBe('distributed');
  });

  it('reads a Secret and a ConfigMap that are hooks of the same events, made before it, holding what the release will hold', () => {
    const job = migrationJob(defaults);
    const refs = new Set(container(job).env!.flatMap((e) => e.valueFrom?.secretKeyRef?.name ?? []));
    const configMap = podSpec(job).volumes!.find((v) => v.configMap)!.configMap!.name;
    expect([...refs]).toEqual(['r1-helix-migrate']);
    const hookOf = (kind: string, name: string) => defaults.find((o) => o.kind === kind && o.metadata.name === name)!;
    for (const o of [hookOf('Secret', 'r1-helix-migrate'), hookOf('ConfigMap', configMap)]) {
      expect(annotations(o)['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      expect(Number(annotations(o)['helm.sh/hook-weight'])).toBeLessThan(Number(annotations(job)['helm.sh/hook-weight']));
    }
    expect(hookOf('Secret', 'r1-helix-migrate').data).toEqual(hookOf('Secret', 'r1-helix').data);
    expect(hookOf('ConfigMap', configMap).data).toEqual(hookOf('ConfigMap', 'r1-helix').data);
    expect(annotations(hookOf('Secret', 'r1-helix'))['helm.sh/hook']).toBeUndefined();
  });

  it('shares the env, secrets and imagePullSecrets of the Deployments', () => {
    const job = migrationJob(production);
    const pii = container(deployment(production, 'pii-service'));
    const withoutName = (env: EnvVar[]) => env.filter((e) => e.name !== 'OTEL_SERVICE_NAME');
    expect(withoutName(container(job).env!)).toEqual(withoutName(pii.env!));
    expect(podSpec(job).imagePullSecrets).toEqual(podSpec(deployment(production, 'gateway')).imagePullSecrets);
    expect(envNames(container(deployment(production, 'gateway')))).toContain('HELIX_MASTER_KEY');
    expect(envNames(container(job))).not.toContain('HELIX_MASTER_KEY');
  });

  it('runs after install when Postgres is in the cluster (it must exist first), and is a plain Job for k8s/', () => {
    expect(annotations(migrationJob(inCluster))['helm.sh/hook']).toBe('post-install,pre-upgrade');
    const plain = render([], ['migrations.hook=false']);
    expect(annotations(migrationJob(plain))).toEqual({});
    expect(plain.filter((o) => o.metadata.name === 'r1-helix-migrate').map((o) => o.kind)).toEqual(['Job']);
  });
});

/**
 * Env vars the code reads that a deployment may leave unset, and why. A new read in the
 * code fails the env test until the chart sets it or it is listed here.
 */
const OPTIONAL_ENV: Record<string, string> = {
  AWS_REGION: 'Bedrock accounts only; options.region in config, or secrets.extraEnv',
  AWS_DEFAULT_REGION: 'Bedrock accounts only, as AWS_REGION',
  GOOGLE_APPLICATION_CREDENTIALS: 'Vertex accounts only; options.credentialsFile in config, or secrets.extraEnv',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'an alternative to OTEL_EXPORTER_OTLP_ENDPOINT, which the chart sets',
  OTEL_EXPORTER_OTLP_HEADERS: 'collector auth, when it needs any; secrets.extraEnv',
};

/** The env vars a Helix process reads: named envs, raw env() reads in the code, ${VAR}s of helix.yaml; OTEL_* only with tracing on. */
function requiredEnv(app: string, helixYaml: string, tracing: boolean): string[] {
  const names = new Set([...Object.keys(NAMED_ENV), 'HELIX_CONFIG']);
  for (const file of [...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, `apps/${app}/src`))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\benv\(\s*'([A-Z][A-Z0-9_]*)'\s*\)/g)) names.add(m[1]);
  }
  for (const m of helixYaml.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}/g)) if (!m[2]) names.add(m[1]);
  if (tracing) for (const n of ['OTEL_SERVICE_NAME', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL']) names.add(n);
  return [...names].filter((n) => !(n in OPTIONAL_ENV) && (tracing || !n.startsWith('OTEL_'))).sort();
}

/** The process env of a container, with stand-ins for secret and field references and for files mounted from Secrets. */
function processEnv(c: Container, configPath: string): Record<string, string> {
  const fake = (name: string) =>
    ({ DATABASE_URL: 'postgres://helix:pw@db:5432/helix', REDIS_URL: 'redis://redis:6379', HELIX_WEBHOOK_URL: 'https://hooks.example.com/x' })[name] ??
    (/SMTP__URL$/.test(name) ? 'smtp://u:p@mail.example.com:587' : `secret-${name}-${'x'.repeat(32)}`);
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) env[e.name] = e.valueFrom ? (e.valueFrom.secretKeyRef ? fake(e.name) : 'field') : (e.value ?? '');
  const mounted = (path: string) => {
    const file = join(tmp, path.replace(/\//g, '_'));
    writeFileSync(file, 'stand-in for a file the pod mounts from a Secret\n');
    return file;
  };
  if (env.HELIX__NATS__CREDS_FILE) env.HELIX__NATS__CREDS_FILE = mounted(env.HELIX__NATS__CREDS_FILE);
  return { ...env, HELIX_CONFIG: configPath };
}

describe('environment', () => {
  it('sets every env var the services read (named envs, raw reads in the code, ${VAR}s of helix.yaml, OTEL_* with tracing on)', () => {
    for (const [objects, tracing] of [
      [defaults, false],
      [production, true],
    ] as const) {
      const helixYaml = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'r1-helix')!.data as Record<string, string>;
      for (const app of APPS) {
        const required = requiredEnv(app, helixYaml['helix.yaml'], tracing);
        expect(required).toEqual(expect.arrayContaining(['HELIX_MODE', 'NATS_URL', 'REDIS_URL', 'DATABASE_URL', 'HELIX_CONFIG']));
        expect(required.filter((n) => !envNames(container(deployment(objects, app))).includes(n)), app).toEqual([]);
      }
    }
    const cost = requiredEnv('cost-service', '', false);
    const withoutRedis = envNames(container(deployment(defaults, 'cost-service'))).filter((n) => n !== 'REDIS_URL');
    expect(cost.filter((n) => !withoutRedis.includes(n))).toEqual(['REDIS_URL']);
    expect(requiredEnv('gateway', '', false)).toContain('HELIX_MASTER_KEY');
    expect(requiredEnv('pii-service', 'apiKey: ${ANTHROPIC_API_KEY}', true)).toEqual(expect.arrayContaining(['ANTHROPIC_API_KEY', 'OTEL_EXPORTER_OTLP_ENDPOINT']));
  });

  it('the services load the rendered helix.yaml with the env the chart gives them, in distributed mode', () => {
    for (const objects of [defaults, production]) {
      const path = join(tmp, 'helix.yaml');
      writeFileSync(path, (objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'r1-helix')!.data as Record<string, string>)['helix.yaml']);
      for (const app of APPS) {
        const env = processEnv(container(deployment(objects, app)), path);
        const config = loadConfig({ env, service: app as ServiceName });
        expect(config).toMatchObject({ mode: 'distributed', dataDir: '/data', http: { port: 8080 }, database: { url: env.DATABASE_URL } });
      }
      const job = processEnv(container(migrationJob(objects)), path);
      expect(loadConfig({ env: job, service: 'standalone' }).mode).toBe('distributed');
      const { DATABASE_URL: _, ...withoutDatabase } = job;
      expect(() => loadConfig({ env: withoutDatabase, service: 'standalone' })).toThrow(/database\.url/);
    }
  });

  it('production: every secret comes from an existing Secret, none from a chart-made one', () => {
    expect(byKind(production, 'Secret')).toEqual([]);
    const secrets = readValues(PRODUCTION_VALUES).secrets as Record<string, { existingSecret?: string } | Record<string, { existingSecret?: string }>>;
    const named = Object.values(secrets).flatMap((s) => ('existingSecret' in s ? [s.existingSecret] : Object.values(s).map((p) => (p as { existingSecret?: string }).existingSecret)));
    const used = new Set(
      [...byKind(production, 'Deployment'), migrationJob(production)].flatMap((o) => [
        ...container(o).env!.flatMap((e) => e.valueFrom?.secretKeyRef?.name ?? []),
        ...podSpec(o).volumes!.flatMap((v) => v.secret?.secretName ?? []),
      ]),
    );
    expect([...used].sort()).toEqual([...new Set(named)].sort());
    expect(container(deployment(production, 'gateway')).env!.find((e) => e.name === 'HELIX_MASTER_KEY')!.valueFrom!.secretKeyRef).toEqual({ name: 'helix-admin', key: 'master-key' });
  });

  it('chart-made secrets: a generated master key, and every secret ref and mounted secret resolves, whatever key was set', () => {
    const secret = defaults.find((o) => o.kind === 'Secret' && o.metadata.name === 'r1-helix')!.data as Record<string, string>;
    expect(Buffer.from(secret.HELIX_MASTER_KEY, 'base64').toString().length).toBeGreaterThanOrEqual(32);
    const given = ['smtpUrl', 'natsToken', 'natsCreds', 'webhookUrl', 'piiHashSecret'].flatMap((s) => [`secrets.${s}.value=${s === 'smtpUrl' ? 'smtp://mail:587' : s}`, `secrets.${s}.key=ignored`]);
    const withValues = render([], [...given, 'secrets.extraEnv.HELIX_PII_KEY_2025.value=k', 'postgresql.inCluster.enabled=true']);
    for (const objects of [defaults, withValues]) {
      const dataOf = (name: string) => (objects.find((s) => s.kind === 'Secret' && s.metadata.name === name)?.data ?? {}) as Record<string, string>;
      for (const o of [...byKind(objects, 'Deployment'), ...byKind(objects, 'StatefulSet'), migrationJob(objects)]) {
        for (const e of podSpec(o).containers.flatMap((c) => c.env ?? [])) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) expect(dataOf(ref.name)[ref.key], `${o.metadata.name} ${e.name}`).toBeDefined();
        }
        for (const v of podSpec(o).volumes ?? []) {
          const mounted = v as { secret?: { secretName: string; items: { key: string }[] } };
          for (const item of mounted.secret?.items ?? []) expect(dataOf(mounted.secret!.secretName)[item.key], `${o.metadata.name} ${v.name}`).toBeDefined();
        }
      }
    }
    expect(envNames(container(deployment(withValues, 'cost-service')))).toEqual(expect.arrayContaining(['HELIX__COST__ALERTS__SMTP__URL', 'HELIX__NATS__TOKEN', 'HELIX__NATS__CREDS_FILE', 'HELIX_PII_KEY_2025']));
  });
});

describe('network, monitoring and NOTES', () => {
  it('only the gateway and the analytics API take ingress from outside the release; the others only from it and the scrapers', () => {
    for (const objects of [defaults, production]) {
      const policies = byKind(objects, 'NetworkPolicy');
      expect(policies.length).toBe(APPS.length);
      for (const p of policies) {
        const app = p.metadata.labels!['app.kubernetes.io/component'];
        const rules = (p.spec as { ingress: { from?: { podSelector?: { matchLabels: Record<string, string> }; namespaceSelector?: object }[] }[] }).ingress;
        const open = rules.some((r) => !r.from);
        expect(open, app).toBe(objects === defaults && ['gateway', 'analytics-service'].includes(app));
        if (['gateway', 'analytics-service'].includes(app)) continue;
        for (const peer of rules.flatMap((r) => r.from ?? [])) {
          const fromRelease = !peer.namespaceSelector && peer.podSelector?.matchLabels['app.kubernetes.io/instance'] === 'r1';
          const scraper = objects === defaults ? peer.podSelector?.matchLabels['app.kubernetes.io/name'] === 'prometheus' : JSON.stringify(peer).includes('monitoring');
          expect(fromRelease || scraper, `${app} ${JSON.stringify(peer)}`).toBe(true);
        }
      }
    }
  });

  it('in-cluster NATS, Redis and Postgres answer only the pods of the release', () => {
    const servers = byKind(inCluster, 'NetworkPolicy').filter((p) => ['nats', 'redis', 'postgresql'].includes(p.metadata.labels!['app.kubernetes.io/component']));
    expect(servers.length).toBe(3);
    for (const p of servers) {
      const peers = (p.spec as { ingress: { from: unknown[] }[] }).ingress.flatMap((r) => r.from);
      expect(peers).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'helix', 'app.kubernetes.io/instance': 'r1' } } }]);
    }
  });

  it('the PrometheusRule holds docker/prometheus/rules.yml and one ConfigMap per Grafana dashboard', () => {
    const rules = parse(readFileSync(join(ROOT, 'docker/prometheus/rules.yml'), 'utf8')) as { groups: unknown[] };
    expect(rules.groups.length).toBeGreaterThan(0);
    expect((byKind(production, 'PrometheusRule')[0].spec as { groups: unknown[] }).groups).toEqual(rules.groups);
    const dashboards = readdirSync(join(ROOT, 'docker/grafana/dashboards')).filter((f) => f.endsWith('.json'));
    const maps = byKind(production, 'ConfigMap').filter((o) => o.metadata.labels?.grafana_dashboard === '1');
    expect(maps.length).toBe(dashboards.length);
    for (const f of dashboards) {
      const map = maps.find((m) => (m.data as Record<string, string>)[f])!;
      expect(JSON.parse((map.data as Record<string, string>)[f])).toEqual(JSON.parse(readFileSync(join(ROOT, 'docker/grafana/dashboards', f), 'utf8')));
    }
    expect(byKind(defaults, 'PrometheusRule')).toEqual([]);
  });

  it('NOTES.txt tells how to read the admin key and reach the gateway', () => {
    const notes = (args: string[]) => helm(['install', '--dry-run=client', 'r1', CHART, ...args]).split('NOTES:')[1];
    expect(notes([])).toContain(`get secret r1-helix -o jsonpath='{.data.HELIX_MASTER_KEY}' | base64 -d`);
    expect(notes([])).toContain('port-forward svc/r1-helix-gateway 8080:8080');
    const prod = notes(['-f', PRODUCTION_VALUES]);
    expect(prod).toContain(`get secret helix-admin -o jsonpath='{.data.master-key}'`);
    expect(prod).toContain('https://ai.example.com/v1');
  });
});

describe('values.schema.json', () => {
  it.each([
    ['a string where a number goes', { gateway: { replicas: 'two' } }, /gateway\/replicas.*want integer/],
    ['an unknown service field', { gateway: { replica: 2 } }, /additional properties 'replica' not allowed/],
    ['an unknown top-level field', { gatewy: {} }, /additional properties 'gatewy' not allowed/],
    ['a log level that does not exist', { logLevel: 'verbose' }, /logLevel/],
    ['a pull policy that does not exist', { image: { pullPolicy: 'Sometimes' } }, /pullPolicy/],
    ['a short master key', { secrets: { masterKey: { value: 'short' } } }, /masterKey/],
    ['a NATS URL of another scheme', { nats: { url: 'http://nats:4222' } }, /nats\/url/],
    ['a secret ref with a stray field', { secrets: { redisUrl: { secretName: 'x' } } }, /additional properties 'secretName'/],
  ])('rejects %s', (_, values, message) => {
    expect(renderError(values)).toMatch(message);
  });

  it('accepts the same fields with good values (positive control)', () => {
    expect(renderError({ gateway: { replicas: 3 }, logLevel: 'debug', image: { pullPolicy: 'Always' }, secrets: { masterKey: { value: 'k'.repeat(32) } }, nats: { url: 'tls://nats:4222' } })).toBeUndefined();
  });
});

describe('scripts/helm.sh', () => {
  it('runs helm 4 and kubectl from the npm kubectl layer', () => {
    expect(helm(['version', '--short'])).toMatch(/^v4\./);
    expect(helm(['kubectl', 'version', '--client'])).toMatch(/Kustomize Version/);
    const dir = helm(['--dir']).trim();
    expect(['helm/helm', 'kubectl/kubectl'].filter((bin) => !existsSync(join(dir, bin)))).toEqual([]);
  });
});
