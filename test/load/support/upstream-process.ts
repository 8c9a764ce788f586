import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { sparePort, waitForPort } from '../../support/servers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The mock upstream (`npm run start:mock-upstream`, from dist) as its own process, so it does not share the load generator's event loop. */
export interface UpstreamProcess {
  baseUrl: string;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function spawnUpstream(opts: { latencyMs?: number; chunkDelayMs?: number } = {}): Promise<UpstreamProcess> {
  const port = await sparePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/mock-upstream/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LATENCY_MS: String(opts.latencyMs ?? 0), CHUNK_DELAY_MS: String(opts.chunkDelayMs ?? 0) },
    stdio: 'ignore',
  });
  await waitForPort(port);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    pid: child.pid!,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
