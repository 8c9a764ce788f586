import { register } from 'node:module';

/**
 * `node --import ./dist/libs/telemetry/src/tracing/register.js dist/apps/<app>/src/main.js`:
 * registers OpenTelemetry's ESM loader hook (import-in-the-middle), so the pg and
 * ioredis instrumentations can patch modules that ESM code imports. The SDK itself
 * starts in `main.ts` (`startTracing`), before the app's modules load; without
 * this hook Helix's own spans (HTTP, pipeline, bus) still work.
 */
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
