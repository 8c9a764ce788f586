import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sparePort, waitForPort } from '../../support/servers.js';

export interface MockUpstreamProcess {
  url: string;
  baseUrl: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs apps/mock-upstream as its own process (as e2e tests, the benchmark and docker-compose do):
 * compiles it with SWC into a temporary folder, then starts `main.js` on a spare loopback port.
 */
export async function spawnMockUpstream(env: Record<string, string> = {}): Promise<MockUpstreamProcess> {
  const root = resolve(import.meta.dirname, '../../..');
  const out = mkdtempSync(join(tmpdir(), 'helix-mock-upstream-'));
  execFileSync(join(root, 'node_modules/.bin/swc'), ['apps/mock-upstream', 'libs', '-d', out, '--quiet', '--ignore', '**/*.spec.ts'], { cwd: root, stdio: 'pipe' });
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  const port = await sparePort();
  const child = spawn(process.execPath, [join(out, 'apps/mock-upstream/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    port,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(out, { recursive: true, force: true });
    },
  };
}
