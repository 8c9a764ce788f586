import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { sparePort } from '../support/servers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'helix-prod-'));
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(() => {
  for (const f of ['package.json', 'package-lock.json', 'dist', 'config']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe' });
}, 300_000);
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `node dist/apps/<app>/src/main.js` from the production install and waits for /health/ready. */
async function startsReady(app: string, env: Record<string, string>): Promise<string> {
  const port = await sparePort();
  const child = spawn(process.execPath, [join(dir, `dist/apps/${app}/src/main.js`)], {
    cwd: dir,
    env: { PATH: process.env.PATH, PORT: String(port), HELIX_DATA_DIR: join(dir, `data-${app}`), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status === 200, () => false);
      if (ok) return out;
      if (Date.now() > deadline) throw new Error(`${app} not ready within 60 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

describe('a production install (npm ci --omit=dev) starts every service from dist', () => {
  it('has no dev dependency in it', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
    const entries = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));
    const devOnly = entries.filter(([, e]) => e.dev).map(([path]) => path);
    const needed = entries.filter(([, e]) => !e.dev && !e.optional).map(([path]) => path);
    expect(devOnly).toContain('node_modules/vitest');
    expect(existsSync(join(ROOT, 'node_modules/vitest/package.json'))).toBe(true);
    expect(devOnly.filter((path) => existsSync(join(dir, path, 'package.json')))).toEqual([]);
    expect(needed.filter((path) => !existsSync(join(dir, path, 'package.json')))).toEqual([]);
  });

  it('runs the migrations and starts the five services against NATS, Redis and Postgres', async () => {
    db = await createTestDatabase();
    const env = {
      HELIX_MODE: 'distributed',
      NATS_URL: testNatsUrl(),
      REDIS_URL: testRedisUrl(),
      DATABASE_URL: db.url,
      HELIX__NATS__NAMESPACE: uniqueName('prod'),
      HELIX__REDIS__KEY_PREFIX: testRedisPrefix(),
      HELIX_MASTER_KEY: `hx-${'p'.repeat(43)}`,
    };
    execFileSync(process.execPath, [join(dir, 'dist/apps/standalone/src/migrate.js')], { cwd: dir, env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
    for (const app of ['gateway', 'pii-service', 'cache-service', 'cost-service', 'analytics-service']) {
      expect(await startsReady(app, env)).toContain(`${app} started`);
    }
  }, 300_000);

  it('starts the embedded default', async () => {
    expect(await startsReady('standalone', {})).toContain('standalone started');
  }, 120_000);
});
