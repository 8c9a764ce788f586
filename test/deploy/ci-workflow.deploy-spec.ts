import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IMAGE_APPS, ROOT } from './support/dockerfile.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  services?: Record<string, { image: string }>;
  strategy?: { matrix: { app: string[] } };
  steps: Step[];
}

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const ciRun = readFileSync(join(ROOT, '.ci/run'), 'utf8');
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));

/** The npm scripts a shell text calls (`npm run x`, `npm run -s x`, `npm test`) that package.json does not have. */
function unknownScripts(text: string): string[] {
  const called = [...text.matchAll(/\bnpm (?:run(?:\s+-s)?\s+([\w:-]+)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]!);
  return called.filter((name) => !(name in scripts));
}

describe('.github/workflows/ci.yml', () => {
  it('parses, and runs on pushes, tags and pull requests', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(Object.keys(workflow.jobs).sort()).toEqual(['chart', 'images', 'test']);
  });

  it('calls only npm scripts that package.json has, and the test job ends with the command .ci/run ends with', () => {
    const all = Object.values(workflow.jobs).flatMap(runs).join('\n');
    expect(unknownScripts(all)).toEqual([]);
    expect(unknownScripts('npm run -s lint && npm run no-such-script && npm test')).toEqual(['no-such-script']);
    expect(ciRun).toMatch(/^exec npm test$/m);
    expect(runs(workflow.jobs.test!).at(-1)).toBe('npm test');
    expect(runs(workflow.jobs.test!)).toContain('npm ci --no-audit --no-fund');
    expect(ciRun).toContain('npm ci --no-audit --no-fund');
  });

  it('tests against Redis and Postgres service containers and a NATS with JetStream and 8 MB messages', () => {
    const services = workflow.jobs.test!.services!;
    expect(Object.keys(services).sort()).toEqual(['postgres', 'redis']);
    const nats = runs(workflow.jobs.test!).find((r) => r.includes('docker run'))!;
    expect(nats).toContain('docker/nats/nats.conf');
    expect(nats).toContain('127.0.0.1:4222:4222');
    expect(readFileSync(join(ROOT, 'docker/nats/nats.conf'), 'utf8')).toMatch(/^jetstream\s*\{/m);
  });

  it('installs the same apt packages as .ci/run', () => {
    const fromCiRun = [...ciRun.matchAll(/need_pkgs\+=\(([\w-]+)\)/g)].map((m) => m[1]!);
    expect(fromCiRun.length).toBeGreaterThan(4);
    const install = runs(workflow.jobs.test!).find((r) => r.includes('apt-get install'))!;
    const first = /apt-get install[^\n]*?--no-install-recommends ([^|\n]+)/.exec(install)![1]!.trim().split(/\s+/);
    expect(first.sort()).toEqual([...fromCiRun].sort());
  });

  it('builds an image of every app from docker/Dockerfile and pushes on tags only', () => {
    const images = workflow.jobs.images!;
    expect(images.strategy!.matrix.app).toEqual([...IMAGE_APPS]);
    const build = images.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
    expect(build.with).toMatchObject({ file: 'docker/Dockerfile', context: '.', 'build-args': 'APP=${{ matrix.app }}', push: "${{ startsWith(github.ref, 'refs/tags/v') }}" });
    expect(existsSync(join(ROOT, build.with!.file!))).toBe(true);
  });

  it('lints and packages the Helm chart', () => {
    const chart = runs(workflow.jobs.chart!).join('\n');
    expect(chart).toContain('helm lint helm/helix');
    expect(chart).toMatch(/helm package helm\/helix\b/);
  });
});
