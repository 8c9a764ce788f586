import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestDatabase } from '../support/infra.js';
import { sparePort } from '../support/servers.js';
import { dockerfileText, execForm, IMAGE_APPS, instructions, ROOT } from './support/dockerfile.js';

const text = dockerfileText();
const all = instructions(text);
const runtime = all.filter((i) => i.stage === Math.max(...all.map((x) => x.stage)));
const envOf = (list: typeof all): Record<string, string> =>
  Object.fromEntries(list.filter((i) => i.keyword === 'ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])));

/**
 * setpriv arguments that run a command as user nobody. CAP_DAC_READ_SEARCH lets it read the checkout
 * wherever CI cloned it (a 0700 temp folder too) and grants no write: as in the image, only the data
 * dir (owned by nobody here, by `node` there) and /tmp are writable.
 */
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=+dac_read_search', '--ambient-caps=+dac_read_search'];

const problems = (content: string) => validate(content).map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe('docker/Dockerfile', () => {
  it('passes dockerfile-utils with zero problems, which does report a broken file', () => {
    expect(problems(text)).toEqual([]);
    const broken = text.replace('FROM ${NODE_IMAGE} AS deps', 'FROM ${NODE_IMAGE} AS build').replace('EXPOSE 8080', 'EXPOSE 80800');
    expect(problems(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('builds with npm ci, installs production dependencies in a clean stage and runs as a non-root user', () => {
    const stages = all.filter((i) => i.keyword === 'FROM');
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runs = all.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /npm ci\b/.test(r) && !r.includes('--omit=dev'))).toBe(true);
    expect(runs.some((r) => r.includes('npm run -s build'))).toBe(true);
    const prodStage = all.find((i) => i.keyword === 'RUN' && i.args.includes('npm ci --omit=dev'))!.stage;
    expect(all.filter((i) => i.stage === prodStage && i.keyword === 'COPY').map((i) => i.args)).toEqual(['package.json package-lock.json ./']);
    const copies = runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain(`--from=${stages[prodStage]!.args.split(/\s+AS\s+/i)[1]} /src/node_modules node_modules`);
    expect(copies.filter((c) => c.includes('node_modules'))).toHaveLength(1);
    const user = runtime.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime.some((i) => i.keyword === 'ARG' && i.args.startsWith('APP'))).toBe(true);
    expect(runtime.filter((i) => i.keyword === 'HEALTHCHECK')).toHaveLength(1);
  });

  it('keeps only what the build needs in the context (.dockerignore)', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
    expect(ignore).toMatch(/^\*$/m);
    const copied = all.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const path of new Set(copied)) expect(ignore, `${path} is copied but not let into the context`).toContain(`!${path.replace(/\/$/, '')}`);
  });

  it('builds every app from only what the build stage copies (the .dockerignore context, less specs)', () => {
    const buildStage = all.find((i) => i.keyword === 'RUN' && i.args.includes('npm run -s build'))!.stage;
    const sources = all.filter((i) => i.stage === buildStage && i.keyword === 'COPY').flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    const ctx = mkdtempSync(join(tmpdir(), 'helix-image-ctx-'));
    try {
      for (const path of sources) cpSync(join(ROOT, path), join(ctx, path), { recursive: true, filter: (src) => !/\.spec\.ts$|\/node_modules(\/|$)|helix\.local\.yaml$/.test(src) });
      symlinkSync(join(ROOT, 'node_modules'), join(ctx, 'node_modules'));
      execFileSync('npm', ['run', '-s', 'build'], { cwd: ctx, stdio: 'pipe', timeout: 240_000 });
      const env = envOf(runtime);
      for (const file of [...IMAGE_APPS.map((app) => `dist/apps/${app}/src/main.js`), env.HELIX_NODE_IMPORT!, 'dist/apps/analytics-service/public/index.html']) {
        expect(existsSync(join(ctx, file)), file).toBe(true);
      }
    } finally {
      rmSync(ctx, { recursive: true, force: true });
    }
  }, 300_000);

  describe('its CMD and HEALTHCHECK, run as the image runs them (unprivileged user, only the data dir and /tmp writable)', () => {
    const env = envOf(runtime);
    const cmd = execForm(runtime.find((i) => i.keyword === 'CMD')!.args);
    const health = execForm(runtime.find((i) => i.keyword === 'HEALTHCHECK')!.args);
    const dataDir = mkdtempSync(join(tmpdir(), 'helix-image-data-'));
    execFileSync('chown', ['65534:65534', dataDir]);
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
    const asNobody = (argv: string[], extra: Record<string, string>) => {
      const vars = { ...env, PATH: process.env.PATH!, HOME: '/nonexistent', ...extra };
      const withNode = argv.map((a) => (a === 'node' ? process.execPath : a));
      return { argv: [...NOBODY, ...withNode], env: vars };
    };
    const healthy = (port: number, app: string) => {
      const { argv, env: vars } = asNobody(health, { PORT: String(port), APP: app });
      return spawnSync('setpriv', argv, { cwd: ROOT, env: vars, timeout: 10_000 }).status;
    };

    it('names a built entry point for every APP', () => {
      expect(cmd.join(' ')).toContain('dist/apps/${APP}/src/main.js');
      expect(cmd.join(' ')).toContain('--import "$HELIX_NODE_IMPORT"');
      expect(existsSync(join(ROOT, env.HELIX_NODE_IMPORT!)), env.HELIX_NODE_IMPORT).toBe(true);
      for (const app of IMAGE_APPS) expect(existsSync(join(ROOT, `dist/apps/${app}/src/main.js`)), app).toBe(true);
    });

    it("runs the compose migration job's command (npm run -s migrate) as nobody, npm writing only under /tmp", async () => {
      const db = await createTestDatabase();
      const npmCache = mkdtempSync(join(tmpdir(), 'helix-image-npm-'));
      try {
        execFileSync('chown', ['65534:65534', npmCache]);
        const compose = parse(readFileSync(join(ROOT, 'docker/docker-compose.yml'), 'utf8')) as { services: { migrate: { command: string[] } } };
        const argv = compose.services.migrate.command;
        expect(argv).toEqual(['npm', 'run', '-s', 'migrate']);
        const { argv: run, env: vars } = asNobody(argv, { HELIX_MODE: 'distributed', DATABASE_URL: db.url, NPM_CONFIG_CACHE: npmCache, HELIX_DATA_DIR: dataDir });
        const res = spawnSync('setpriv', run, { cwd: ROOT, env: vars, encoding: 'utf8', timeout: 120_000 });
        expect(res.status, res.stdout + res.stderr).toBe(0);
        const again = spawnSync('setpriv', run, { cwd: ROOT, env: { ...vars, DATABASE_URL: db.url.replace(/\/[^/]+$/, '/no_such_db') }, encoding: 'utf8', timeout: 120_000 });
        expect(again.status).not.toBe(0);
      } finally {
        rmSync(npmCache, { recursive: true, force: true });
        await db.drop();
      }
    }, 180_000);

    it.each(['standalone', 'mock-upstream'] as const)('%s starts from the CMD as nobody and its HEALTHCHECK passes (and fails once it stops)', async (app) => {
      const write = spawnSync('setpriv', [...NOBODY, 'sh', '-c', `: > ${join(ROOT, 'dist/.nobody-wrote-here')}`]);
      expect(write.status, 'nobody must not be able to write into the checkout').not.toBe(0);
      const port = await sparePort();
      expect(healthy(port, app)).toBe(1);
      const { argv, env: vars } = asNobody(cmd, { APP: app, PORT: String(port), HELIX_DATA_DIR: dataDir });
      const child = spawn('setpriv', argv, { cwd: ROOT, env: vars, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (out += b));
      try {
        const deadline = Date.now() + 150_000;
        while (healthy(port, app) !== 0) {
          if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
          if (Date.now() > deadline) throw new Error(`${app} not healthy within 150 s:\n${out}`);
          await new Promise((r) => setTimeout(r, 300));
        }
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
      expect(out).not.toMatch(/EACCES|EROFS/);
      expect(healthy(port, app)).toBe(1);
    }, 200_000);
  });
});
