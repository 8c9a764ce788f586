import { loadConfigOrExit, type HelixConfig, type ServiceName } from '@helix/config';
import { setTracingOn } from './spans.js';

/** A running tracer; `shutdown()` flushes pending spans. */
export interface Tracing {
  shutdown(): Promise<void>;
}

const KEY = Symbol.for('helix.tracing');
type Holder = { [KEY]?: Promise<Tracing> };
const holder = globalThis as Holder;
const noop: Tracing = { shutdown: async () => {} };

/**
 * Starts OpenTelemetry for this process, once (later calls get the same handle).
 * Disabled (`telemetry.tracing.enabled: false`), nothing of the SDK is loaded and
 * span helpers cost one boolean check. Enabled, `./sdk.js` is imported and a
 * `NodeSDK` exports over OTLP/HTTP protobuf with a
 * `ParentBased(TraceIdRatioBased(sampleRatio))` sampler and the W3C propagator.
 * Call it before the app's other modules load (every `main.ts` does), so the
 * pg and ioredis instrumentations can patch them.
 */
export function startTracing(config: HelixConfig): Promise<Tracing> {
  if (!config.telemetry.tracing.enabled) return Promise.resolve(holder[KEY] ? holder[KEY] : noop);
  holder[KEY] ??= import('./sdk.js').then(({ startSdk }) => {
    const running = startSdk(config);
    setTracingOn(true);
    return {
      shutdown: async () => {
        setTracingOn(false);
        await running.shutdown();
      },
    };
  });
  return holder[KEY];
}

/** The tracing this process started, if any (shutdown hooks flush it). */
export function runningTracing(): Promise<Tracing> | undefined {
  return holder[KEY];
}

/**
 * For a `main.ts`, first thing: reads the service's config and starts tracing, so
 * the modules imported after it (pg, ioredis) are instrumented.
 */
export function startServiceTracing(service: ServiceName): Promise<Tracing> {
  return startTracing(loadConfigOrExit({ service }));
}
