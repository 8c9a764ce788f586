import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderBase, staleFiles } from '../../scripts/k8s-generate.js';
import { byKind, helm, parseObjects, podSpec, ROOT, type K8sObject } from './support/chart.js';
import { validateObject } from './support/k8s-validate.js';

const tmp = mkdtempSync(join(tmpdir(), 'helix-k8s-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const kustomize = (dir: string): K8sObject[] => parseObjects(helm(['kubectl', 'kustomize', dir]));
const problems = (objects: K8sObject[]) => objects.flatMap((o) => validateObject(o).map((p) => `${o.kind}/${o.metadata.name}: ${p}`));

describe('k8s/: plain manifests kept in step with the chart', () => {
  it('k8s/base is exactly what the chart renders now (npm run k8s:generate), and a stale or extra file is caught (positive control)', () => {
    const files = renderBase();
    expect(staleFiles(files)).toEqual([]);
    const copy = join(tmp, 'copy');
    cpSync(join(ROOT, 'k8s'), join(copy, 'k8s'), { recursive: true });
    writeFileSync(join(copy, 'k8s/base/deployment-helix-gateway.yaml'), readFileSync(join(ROOT, 'k8s/base/deployment-helix-gateway.yaml'), 'utf8').replace('replicas: 2', 'replicas: 5'));
    writeFileSync(join(copy, 'k8s/base/leftover.yaml'), 'kind: ConfigMap\n');
    expect(staleFiles(files, copy)).toEqual(['k8s/base/deployment-helix-gateway.yaml', 'k8s/base/leftover.yaml']);
  });

  it('the base builds with kustomize and every object is valid with no unknown field', () => {
    const base = kustomize(join(ROOT, 'k8s/base'));
    expect(byKind(base, 'Deployment').length).toBe(5);
    expect(problems(base)).toEqual([]);
    expect(byKind(base, 'Secret')).toEqual([]);
    const refs = new Set(byKind(base, 'Deployment').flatMap((d) => podSpec(d).containers[0].env!.flatMap((e) => e.valueFrom?.secretKeyRef?.name ?? [])));
    expect([...refs]).toEqual(['helix-secrets']);
    const job = byKind(base, 'Job')[0];
    expect(job.metadata.annotations).toBeUndefined();
    expect((job.spec as { ttlSecondsAfterFinished: number }).ttlSecondsAfterFinished).toBe(300);
    expect(podSpec(job).volumes!.find((v) => v.configMap)!.configMap!.name).toBe('helix');
  });

  it('the production overlay builds; its patches reach their targets; every object is valid', () => {
    const prod = kustomize(join(ROOT, 'k8s/overlays/production'));
    expect(problems(prod)).toEqual([]);
    const namespaced = prod.filter((o) => o.kind !== 'Namespace');
    expect(namespaced.every((o) => (o.metadata as { namespace?: string }).namespace === 'helix')).toBe(true);
    const deployments = byKind(prod, 'Deployment');
    for (const d of deployments) {
      const c = podSpec(d).containers[0];
      expect(c.image, d.metadata.name).toMatch(/^registry\.example\.com\/helix\/helix-[a-z-]+:0\.1\.0$/);
      expect(c.env!.map((e) => e.name), d.metadata.name).toContain('OPENAI_API_KEY');
    }
    const gateway = deployments.find((d) => d.metadata.name === 'helix-gateway')!;
    expect((gateway.spec as { replicas: number }).replicas).toBe(3);
    const policy = byKind(prod, 'NetworkPolicy').find((p) => p.metadata.name === 'helix-gateway')!;
    expect((policy.spec as { ingress: { from?: unknown[] }[] }).ingress[0].from).toHaveLength(2);
    expect(byKind(prod, 'Namespace')[0].metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'restricted' });
  });

  it('an overlay whose patch targets no object fails to build (positive control)', () => {
    const root = join(tmp, 'overlay-root');
    cpSync(join(ROOT, 'k8s/base'), join(root, 'base'), { recursive: true });
    mkdirSync(join(root, 'overlay'));
    writeFileSync(join(root, 'overlay/kustomization.yaml'), stringify({ resources: ['../base'], patches: [{ path: 'p.yaml' }] }));
    writeFileSync(join(root, 'overlay/p.yaml'), stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'helix-gateway-typo' }, spec: { replicas: 3 } }));
    expect(() => kustomize(join(root, 'overlay'))).toThrow(/helix-gateway-typo/);
    writeFileSync(join(root, 'overlay/p.yaml'), stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'helix-gateway' }, spec: { replicas: 3 } }));
    expect(byKind(kustomize(join(root, 'overlay')), 'Deployment').find((d) => d.metadata.name === 'helix-gateway')!.spec).toMatchObject({ replicas: 3 });
  });
});
