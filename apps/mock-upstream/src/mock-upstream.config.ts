import type { MockUpstreamOptions } from './mock-upstream.js';

/**
 * The mock upstream's settings from env: `PORT` (default 8081), `HOST` (127.0.0.1), `LATENCY_MS`,
 * `CHUNK_DELAY_MS`, `CHUNKS`. Every bad value is reported at once.
 */
export function mockUpstreamConfig(env: (name: string) => string | undefined): MockUpstreamOptions {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const config: MockUpstreamOptions = {
    port: int('PORT', 8081, 0, 65535),
    host: env('HOST') || '127.0.0.1',
    latencyMs: int('LATENCY_MS', 0),
    chunkDelayMs: int('CHUNK_DELAY_MS', 0),
    chunks: int('CHUNKS', 5, 1),
  };
  if (errors.length > 0) throw new Error(`Invalid mock-upstream configuration:\n- ${errors.join('\n- ')}`);
  return config;
}
