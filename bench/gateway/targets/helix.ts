import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { provisionKey } from '../../../test/e2e/support/admin-client.js';
import { sparePort } from '../../../test/support/servers.js';
import { ROOT } from './mock.js';
import { spawnPinned, waitHttp } from './spawn-pinned.js';
import { requestsFor, type Target } from './target.js';

export const MASTER_KEY = `hx-bench-master-${'b'.repeat(32)}`;

/** Limits of the bench's virtual key: real limits, checked on every request, too high to trigger. */
export const KEY_LIMITS = { rpm: 1_000_000_000, tpm: 1_000_000_000 };

export interface HelixRun {
  /** `standalone` (embedded) or `gateway` (distributed). */
  app: 'standalone' | 'gateway';
  config: Record<string, unknown>;
  /** Directory for `--cpu-prof` output; no profiling when unset. */
  profileDir?: string;
}

/** Pins a running process (every thread) to a core. */
export function pin(pid: number, core: number): void {
  spawnSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
}

/**
 * The model and upstream every Helix target serves (`bench-model` → the mock's `mock-gpt`), with the
 * synchronous bus steps (budget, PII, cache) off: the overhead measured is the gateway's own, with auth,
 * rate limits and events on.
 */
export function upstreamConfig(mockOrigin: string) {
  return {
    pipeline: { budget: { enabled: false }, pii: { enabled: false }, cache: { enabled: false } },
    providers: [{ name: 'upstream', type: 'openai-compatible', baseUrl: `${mockOrigin}/v1` }],
    models: [{ name: 'bench-model', deployments: [{ provider: 'upstream', model: 'mock-gpt' }] }],
  };
}

/**
 * Runs a Helix app from dist/ on `core` with auth, rate limits and events on, and provisions a fresh
 * org/team/user/key with real (high) RPM and TPM limits for the load.
 */
export async function startHelix(core: number, name: string, note: string, run: HelixRun): Promise<Target & { dataDir: string }> {
  const port = await sparePort();
  const dataDir = mkdtempSync(join(tmpdir(), `helix-bench-${run.app}-`));
  const file = join(dataDir, 'helix.yaml');
  writeFileSync(file, stringify({ ...run.config, dataDir, http: { host: '127.0.0.1', port } }));
  const flags = run.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${run.profileDir}`] : [];
  const proc = spawnPinned(core, process.execPath, [...flags, resolve(ROOT, `dist/apps/${run.app}/src/main.js`)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HELIX_CONFIG: file, HELIX_DATA_DIR: dataDir, HELIX_MASTER_KEY: MASTER_KEY, LOG_LEVEL: 'info' },
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitHttp(`${origin}/health/ready`, proc, 90_000, 200);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  const { key } = await provisionKey(origin, MASTER_KEY, KEY_LIMITS);
  return {
    name,
    note,
    dataDir,
    ...requestsFor(origin, '/v1/chat/completions', 'bench-model', { authorization: `Bearer ${key}` }),
    pid: proc.pid,
    stop: async () => {
      await proc.stop(30_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
