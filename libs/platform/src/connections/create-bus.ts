import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInProcessBus, createNatsBus, tracingPropagator, type Bus } from '@helix/bus';
import type { HelixConfig } from '@helix/config';
import { tracingOn, type Logger } from '@helix/telemetry';
import { busMetrics } from './bus-metrics.js';

/**
 * The process's bus: NATS in distributed mode (events stream set up, idempotently),
 * the in-process bus journaled under `dataDir/bus` in embedded mode. With tracing
 * on, its propagator makes bus spans and carries their context in headers while
 * `current()`'s `telemetry.tracing.propagateBus` says so (it follows reloads).
 */
export async function createBus(config: HelixConfig, log: Logger, current: () => HelixConfig = () => config): Promise<Bus> {
  const propagator = tracingOn() ? tracingPropagator({ propagate: () => current().telemetry.tracing.propagateBus }) : undefined;
  const common = { logger: log, metrics: busMetrics(), namespace: config.nats.namespace, propagator };
  if (config.mode === 'embedded') {
    return createInProcessBus({ ...common, journalDir: join(config.dataDir, 'bus'), maxPayload: config.nats.maxPayloadBytes });
  }
  const n = config.nats;
  const { credsAuthenticator, nkeyAuthenticator } = await import('@nats-io/transport-node');
  const authenticator = n.credsFile
    ? credsAuthenticator(readFileSync(n.credsFile))
    : n.nkeySeedFile
      ? nkeyAuthenticator(new TextEncoder().encode(readFileSync(n.nkeySeedFile, 'utf8').trim()))
      : undefined;
  const bus = await createNatsBus({
    ...common,
    servers: n.url.split(',').map((s) => s.trim()),
    name: n.name ?? `helix-${config.service}`,
    maxPayload: n.maxPayloadBytes,
    user: n.user,
    pass: n.pass,
    token: n.token,
    authenticator,
    tls: n.tls ? { caFile: n.tls.caFile, certFile: n.tls.certFile, keyFile: n.tls.keyFile } : undefined,
  });
  await bus.ensureStreams({ maxAgeMs: n.streamMaxAgeMs, duplicateWindowMs: n.duplicateWindowMs });
  return bus;
}
