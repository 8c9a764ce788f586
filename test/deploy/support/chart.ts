import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { helm, parseObjects, ROOT, type K8sObject } from '../../../scripts/k8s-generate.js';

export { helm, parseObjects, ROOT, type K8sObject };

export const CHART = 'helm/helix';
export const PRODUCTION_VALUES = 'helm/helix/ci/production-values.yaml';

/** A container as the chart renders it (the fields the checks read). */
export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: Record<string, Record<string, string>>;
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}
export interface Probe {
  httpGet?: { path: string; port: string | number };
}
export interface PodSpec {
  containers: Container[];
  securityContext?: Record<string, unknown>;
  imagePullSecrets?: { name: string }[];
  volumes?: { name: string; emptyDir?: object; configMap?: { name: string }; secret?: { secretName: string } }[];
}

/** Renders the chart (`helm template r1`) with values files and `--set`s; throws helm's stderr on failure. */
export function render(valuesFiles: readonly string[] = [], sets: readonly string[] = []): K8sObject[] {
  return parseObjects(helm(['template', 'r1', CHART, ...valuesFiles.flatMap((f) => ['-f', f]), ...sets.flatMap((s) => ['--set', s])]));
}

/** Renders with one values tree written to a temporary file; returns helm's error text, or undefined when it rendered. */
export function renderError(values: unknown): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'helix-values-'));
  try {
    const file = join(dir, 'values.yaml');
    writeFileSync(file, stringify(values));
    render([file]);
    return undefined;
  } catch (error) {
    return String((error as { stderr?: unknown }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const byKind = (objects: readonly K8sObject[], kind: string): K8sObject[] => objects.filter((o) => o.kind === kind);

export function podSpec(o: K8sObject): PodSpec {
  return (o.spec as { template: { spec: PodSpec } }).template.spec;
}

export function annotations(o: K8sObject): Record<string, string> {
  return o.metadata.annotations ?? {};
}

/** The values of a values file. */
export function readValues(path: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
}

/** Source files (not tests) under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dashboard' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}
