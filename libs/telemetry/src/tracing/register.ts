import { register } from 'node:module';
import { loadConfig } from '@helix/config';

/**
 * `node --import ./dist/libs/telemetry/src/tracing/register.js dist/apps/<app>/src/main.js`
 * (what the `npm run start*` scripts do): when the config enables tracing, registers
 * OpenTelemetry's ESM loader hook (import-in-the-middle), so the pg and ioredis
 * instrumentations can patch modules that ESM code imports. The SDK itself starts
 * in `main.ts` (`startServiceTracing`). Tracing off, or a config `main.ts` will
 * refuse anyway: nothing is registered. Without this hook Helix's own spans
 * (HTTP, pipeline, bus, provider calls) still work.
 */
function tracingEnabled(): boolean {
  try {
    return loadConfig().telemetry.tracing.enabled;
  } catch {
    return false;
  }
}

if (tracingEnabled()) register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
