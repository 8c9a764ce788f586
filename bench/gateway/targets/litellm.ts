import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sparePort } from '../../../test/support/servers.js';
import { LITELLM_VERSION, litellmBin } from './peer-install.js';
import { spawnPinned, waitHttp } from './spawn-pinned.js';
import { GATEWAY_CORE, requestsFor, type Target } from './target.js';

/**
 * The LiteLLM proxy (bench/.venv-litellm), one uvicorn worker, its model pointed at the mock with
 * `api_base`. Its environment holds no credentials: PATH, a scratch HOME, and the local price map (no
 * download at start); the model's api_key is a dummy because the openai client insists on one.
 */
export async function litellmTarget(mockOrigin: string): Promise<Target> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-litellm-'));
  const config = {
    model_list: [{ model_name: 'bench-model', litellm_params: { model: 'openai/mock-gpt', api_base: `${mockOrigin}/v1`, api_key: 'dummy-not-a-credential' } }],
    litellm_settings: { telemetry: false },
  };
  writeFileSync(join(dir, 'config.yaml'), stringify(config));
  const proc = spawnPinned(GATEWAY_CORE, litellmBin(), ['--config', 'config.yaml', '--host', '127.0.0.1', '--port', String(port), '--num_workers', '1'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, LITELLM_LOCAL_MODEL_COST_MAP: 'True' },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitHttp(`${origin}/health/liveliness`, proc, 180_000, 200);
  return {
    name: 'LiteLLM proxy',
    note: `litellm[proxy] ${LITELLM_VERSION}, one uvicorn worker, default logging, no database`,
    ...requestsFor(origin, '/v1/chat/completions', 'bench-model', {}),
    pid: proc.pid,
    stop: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
