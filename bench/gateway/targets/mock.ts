import { resolve } from 'node:path';
import { sparePort } from '../../../test/support/servers.js';
import { GATEWAY_CORE, LOAD_CORE, requestsFor, type Target } from './target.js';
import { spawnPinned, waitHttp, type Pinned } from './spawn-pinned.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** Stream shape of the mock: CHUNKS content events, CHUNK_DELAY_MS apart (a first event at once). */
export const STREAM = { chunks: 10, chunkDelayMs: 2 };

/** The mock upstream (apps/mock-upstream, its own process) on the load core: every target's upstream. */
export async function startMock(): Promise<{ origin: string; proc: Pinned }> {
  const port = await sparePort();
  const proc = spawnPinned(LOAD_CORE, process.execPath, [resolve(ROOT, 'dist/apps/mock-upstream/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CHUNKS: String(STREAM.chunks), CHUNK_DELAY_MS: String(STREAM.chunkDelayMs) },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitHttp(`${origin}/v1/models`, proc, 30_000, 200);
  return { origin, proc };
}

/** Baseline: the load straight to the mock. */
export function directTarget(mockOrigin: string): Target {
  return {
    name: 'direct to mock',
    note: 'no gateway: the load generator talks to the mock upstream',
    ...requestsFor(mockOrigin, '/v1/chat/completions', 'mock-gpt', {}),
    stop: async () => {},
  };
}

/** Baseline: a bare node:http pass-through proxy (the floor for any Node gateway). */
export async function passthroughTarget(mockOrigin: string): Promise<Target> {
  const port = await sparePort();
  const proc = spawnPinned(GATEWAY_CORE, process.execPath, [resolve(import.meta.dirname, 'passthrough-proxy.mjs'), String(port), mockOrigin], { env: { ...process.env } });
  const origin = `http://127.0.0.1:${port}`;
  await waitHttp(`${origin}/v1/models`, proc, 30_000, 200);
  return {
    name: 'node:http pass-through',
    note: 'bench/gateway/targets/passthrough-proxy.mjs: pipes request and response, keep-alive agent, nothing else',
    ...requestsFor(origin, '/v1/chat/completions', 'mock-gpt', {}),
    pid: proc.pid,
    stop: () => proc.stop(),
  };
}
