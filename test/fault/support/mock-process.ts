import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { sparePort, waitForPort } from '../../support/servers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** apps/mock-upstream from dist/ as its own process (so the test process, which drives the load, does not also serve it). */
export interface MockProcess {
  url: string;
  baseUrl: string;
  /** `x-mock-*` switches forced onto every request (`POST /_mock/faults`); `{}` ends them. */
  setFaults(headers: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startMockProcess(opts: { chunkDelayMs?: number } = {}): Promise<MockProcess> {
  const port = await sparePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/mock-upstream/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CHUNK_DELAY_MS: String(opts.chunkDelayMs ?? 0) },
    stdio: 'ignore',
  });
  await waitForPort(port, 30_000);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    async setFaults(headers) {
      const res = await fetch(`${url}/_mock/faults`, { method: 'POST', body: JSON.stringify(headers) });
      if (!res.ok) throw new Error(`POST /_mock/faults → ${res.status}`);
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
