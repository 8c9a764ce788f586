import { env } from '@helix/config';
import { mockUpstreamConfig } from './mock-upstream.config.js';
import { startMockUpstream } from './mock-upstream.js';

const upstream = await startMockUpstream(mockUpstreamConfig(env));
console.log(`mock-upstream listening on ${upstream.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void upstream.close().then(() => process.exit(0));
  });
}
