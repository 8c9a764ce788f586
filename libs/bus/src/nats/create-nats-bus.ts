import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '@helix/contracts';
import { correlationPropagator } from '../bus-context.js';
import { consoleLogger } from '../bus.options.js';
import { Namespace } from '../namespace.js';
import { NatsBus } from './nats.bus.js';
import type { NatsBusOptions } from './nats.options.js';

/**
 * Connects to NATS (reconnecting forever) and returns the bus. `bus.maxPayload`
 * is the server's `max_payload`; a server allowing less than `opts.maxPayload`
 * is logged, so the gateway can keep its body limit under the real one.
 */
export async function createNatsBus(opts: NatsBusOptions): Promise<NatsBus> {
  const logger = opts.logger ?? consoleLogger;
  const jsTimeoutMs = opts.jsTimeoutMs ?? 5_000;
  const auth = { tls: opts.tls, user: opts.user, pass: opts.pass, token: opts.token, authenticator: opts.authenticator };
  const nc = await connect({
    servers: opts.servers,
    name: opts.name,
    timeout: opts.connectTimeoutMs ?? 5_000,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    noAsyncTraces: true,
    ...Object.fromEntries(Object.entries(auth).filter(([, v]) => v !== undefined)),
    ...opts.connection,
  });
  const wanted = opts.maxPayload ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const serverMax = nc.info?.max_payload ?? 0;
  if (serverMax < wanted) {
    logger.warn({ serverMax, wanted, server: nc.getServer() }, 'NATS max_payload is below the configured limit; using the server limit');
  }
  const ns = new Namespace(opts.namespace);
  return new NatsBus({
    nc,
    js: jetstream(nc, { timeout: jsTimeoutMs }),
    jsm: await jetstreamManager(nc, { timeout: jsTimeoutMs, checkAPI: false }),
    ns,
    streamName: ns.stream(opts.streamName),
    replicas: opts.replicas ?? 1,
    jsTimeoutMs,
    propagator: opts.propagator ?? correlationPropagator,
    logger,
    metrics: opts.metrics,
  });
}
