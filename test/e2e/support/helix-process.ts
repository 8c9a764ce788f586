import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { sparePort } from '../../support/servers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

export type HelixApp = 'standalone' | 'gateway' | 'pii-service' | 'cache-service' | 'cost-service' | 'analytics-service';

export interface HelixProcess {
  app: HelixApp;
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Every line the process wrote to stdout and stderr. */
  logs(): string;
  /** The master key the process printed/kept (embedded mode) or was given. */
  masterKey(): string;
  /** SIGTERM (graceful) or SIGKILL, and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Start the same app again on the same port, data and env. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export interface SpawnOptions {
  /** A config object written as the process's HELIX_CONFIG YAML, merged over config/helix.yaml (arrays replace). */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  dataDir?: string;
  port?: number;
  /** Wait for /health/ready to answer 200 (default true). */
  waitReady?: boolean;
  /** How long to wait for it, at each start (default 60 s). */
  readyTimeoutMs?: number;
}

/** Runs one Helix app from `dist/` (the e2e tier builds it once) as its own process. */
export async function spawnHelix(app: HelixApp, opts: SpawnOptions = {}): Promise<HelixProcess> {
  const port = opts.port ?? (await sparePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `helix-${app}-`));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HELIX_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...opts.env };
  if (opts.config) {
    const file = join(dataDir, 'helix.yaml');
    const shipped = parse(readFileSync(join(ROOT, 'config/helix.yaml'), 'utf8')) as Record<string, unknown>;
    writeFileSync(file, stringify(merge(shipped, opts.config)));
    env.HELIX_CONFIG = file;
  }
  let output = '';
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, [join(ROOT, `dist/apps/${app}/src/main.js`)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    if (opts.waitReady === false) return;
    try {
      await waitReady(`http://127.0.0.1:${port}`, child, () => output, opts.readyTimeoutMs);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  };
  await launch();
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    get process() {
      return child;
    },
    logs: () => output,
    masterKey: () => env.HELIX_MASTER_KEY ?? readFileSync(join(dataDir, 'master.key'), 'utf8').trim(),
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    dispose: async () => {
      await stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitReady(url: string, child: ChildProcess, logs: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready:\n${logs()}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `over` merged into `base`: objects deeply, arrays and values replaced. */
export function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
  return out;
}
