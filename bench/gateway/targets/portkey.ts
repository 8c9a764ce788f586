import { sparePort } from '../../../test/support/servers.js';
import { PEERS_DIR, PORTKEY_MAIN } from './peer-install.js';
import { spawnPinned, waitHttp } from './spawn-pinned.js';
import { GATEWAY_CORE, requestsFor, type Target } from './target.js';

/** The Portkey OSS gateway (bench/peers), routed to the mock with `x-portkey-provider: openai` and a custom host. */
export async function portkeyTarget(mockOrigin: string): Promise<Target> {
  const port = await sparePort();
  const proc = spawnPinned(GATEWAY_CORE, process.execPath, [PORTKEY_MAIN, `--port=${port}`, '--headless'], { cwd: PEERS_DIR, env: { PATH: process.env.PATH, HOME: PEERS_DIR, NODE_ENV: 'production' } });
  const origin = `http://127.0.0.1:${port}`;
  await waitHttp(`${origin}/`, proc, 60_000);
  return {
    name: 'Portkey gateway',
    note: '@portkey-ai/gateway 1.15.2 (@hono/node-server 1.14.1), NODE_ENV=production, --headless, no config file',
    ...requestsFor(origin, '/v1/chat/completions', 'mock-gpt', {
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${mockOrigin}/v1`,
      authorization: 'Bearer dummy-not-a-credential',
    }),
    pid: proc.pid,
    stop: () => proc.stop(),
  };
}
