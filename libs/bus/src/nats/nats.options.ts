import type { Authenticator, NodeConnectionOptions } from '@nats-io/transport-node';
import type { CommonBusOptions } from '../bus.options.js';

/** Options of {@link createNatsBus}. */
export interface NatsBusOptions extends CommonBusOptions {
  /** Server URL(s). */
  servers: string | string[];
  /** Connection name shown by the server's monitoring. */
  name: string;
  /**
   * The message size Helix expects the server to allow (default `DEFAULT_MAX_PAYLOAD_BYTES`).
   * The server's own `max_payload` is what `bus.maxPayload` reports; a lower one is logged at connect.
   */
  maxPayload?: number;
  /** Handshake timeout of the first connection, in ms (default 5000). */
  connectTimeoutMs?: number;
  tls?: NodeConnectionOptions['tls'];
  user?: string;
  pass?: string;
  token?: string;
  authenticator?: Authenticator | Authenticator[];
  /** Any other client option, passed through as it is. */
  connection?: Partial<NodeConnectionOptions>;
  /** Events stream name before namespacing (default `EVENTS_STREAM`). */
  streamName?: string;
  /** Replicas of the events stream in a JetStream cluster (default 1). */
  replicas?: number;
  /** Timeout of JetStream API calls and of publish acks, in ms (default 5000). */
  jsTimeoutMs?: number;
}
