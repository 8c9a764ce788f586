import type { MessageInitShape } from '@bufbuild/protobuf';
import type { BusPropagator } from './bus-context.js';
import type {
  EventSubject,
  messageSchemas,
  rpcSchemas,
  RpcReply,
  RpcRequest,
  RpcSubject,
  SubjectMessage,
  WorkSubject,
} from '@helix/contracts';

/** Nest DI token of the process's {@link Bus}. */
export const BUS = Symbol('BUS');

/** What a handler knows about the message it is handling. */
export interface BusContext {
  /** The plain subject (without the bus namespace). */
  subject: string;
  /** Every header of the message, as sent. */
  headers: Record<string, string>;
  /** The `x-request-id` header, when present. */
  correlationId?: string;
  /** 1 on first delivery; more on JetStream redelivery. Always 1 for core messages. */
  deliveryCount: number;
}

/** Options of one request/reply call. */
export interface RequestOptions {
  /** The call fails with `bus_timeout` when no reply came within this many ms. */
  timeoutMs: number;
  /** Extra headers; correlation and trace headers are added when absent. */
  headers?: Record<string, string>;
}

/** Options of one JetStream publish. */
export interface PublishOptions {
  /** The event id; the stream drops a second message with the same id inside its duplicate window. */
  msgId: string;
  /** Extra headers; correlation and trace headers are added when absent. */
  headers?: Record<string, string>;
  /** How long to wait for the stream's ack, in ms (default 5000). */
  timeoutMs?: number;
}

/** The stream's receipt of a published event. */
export interface PublishAck {
  /** Stream sequence of the stored message (of the first copy, when `duplicate`). */
  seq: number;
  /** True when the stream already held a message with this `msgId`. */
  duplicate: boolean;
}

/** A durable pull consumer on a stream. */
export interface ConsumerOptions {
  /** Stream name; default `EVENTS_STREAM` (namespaced like every stream of the bus). */
  stream?: string;
  /** Durable consumer name; restarts with the same name resume where the last one acked. */
  durable: string;
  /** One subject or wildcard, e.g. `helix.events.request.completed.v1` or `helix.events.>`. */
  filter: string;
  /** Max messages per handler call (default 100). */
  batch?: number;
  /** How long to wait to fill a batch once a first message is there, in ms (default 100). */
  maxWaitMs?: number;
  /** A delivery not acked within this many ms is redelivered (default 30_000). */
  ackWaitMs?: number;
  /** Deliveries of one message before it is given up; default -1: unlimited, so billable events are never dropped. */
  maxDeliver?: number;
  /** Delay before a nak'ed batch is redelivered, in ms (default 1000). */
  nakDelayMs?: number;
  /** Unacked messages the server hands out at once (NATS `max_ack_pending`); default max(4 × batch, 1000). */
  maxAckPending?: number;
}

/** One message handed to a durable consumer. */
export interface Delivery<T = unknown> {
  /** The plain subject (without the bus namespace). */
  subject: string;
  message: T;
  headers: Record<string, string>;
  /** 1 on first delivery, more on redelivery. */
  deliveryCount: number;
  /** Stream sequence. */
  seq: number;
}

export interface Subscription {
  /** Stops the deliveries; messages the server already routed here are still handled (NATS: a drain), so a request in that instant is not lost. */
  unsubscribe(): Promise<void>;
}

export interface ConsumerHandle {
  /** Stop pulling and wait for the batch in hand; unacked messages are redelivered later. */
  stop(): Promise<void>;
}

export type BusStatus = 'connected' | 'disconnected' | 'closed';

type RpcRequestInit<S extends RpcSubject> = MessageInitShape<(typeof rpcSchemas)[S]['request']>;
type RpcReplyInit<S extends RpcSubject> = MessageInitShape<(typeof rpcSchemas)[S]['reply']>;
type MessageInit<S extends WorkSubject | EventSubject> = MessageInitShape<(typeof messageSchemas)[S]>;

/**
 * The Helix message bus (DESIGN §4). Two adapters, NATS and in-process, with the
 * same semantics; the contract suite in test/integration/bus runs against both.
 * Subjects are the plain contract subjects; a bus namespace, if any, is applied
 * on the wire only.
 */
export interface Bus {
  readonly kind: 'nats' | 'in-process';
  /** Largest message (headers included) the bus carries, in bytes. */
  readonly maxPayload: number;
  /** How context crosses this bus; the Nest transport runs per-message handlers inside it. */
  readonly propagator?: BusPropagator;

  /** Request/reply; rejects with a {@link BusRequestError} (timeout, no responders, or the responder's error). */
  request<S extends RpcSubject>(subject: S, msg: RpcRequestInit<S>, opts: RequestOptions): Promise<RpcReply<S>>;
  /** Answer requests on `subject` as a member of queue group `queue`. A thrown error is sent back as a BusError. */
  respond<S extends RpcSubject>(
    subject: S,
    handler: (msg: RpcRequest<S>, ctx: BusContext) => Promise<RpcReplyInit<S>>,
    opts: { queue: string },
  ): Promise<Subscription>;

  /** Core publish, fire-and-forget: one member of each queue group gets it. */
  send<S extends WorkSubject>(subject: S, msg: MessageInit<S>, opts?: { headers?: Record<string, string> }): void;
  onWork<S extends WorkSubject>(
    subject: S,
    handler: (msg: SubjectMessage<S>, ctx: BusContext) => Promise<void>,
    opts: { queue: string },
  ): Promise<Subscription>;

  /** JetStream publish; resolves on the stream's ack. */
  publish<S extends EventSubject>(subject: S, msg: MessageInit<S>, opts: PublishOptions): Promise<PublishAck>;
  /** Core subscription: every subscriber gets every event (broadcast, not durable). */
  subscribe<S extends EventSubject>(
    subject: S,
    handler: (msg: SubjectMessage<S>, ctx: BusContext) => void | Promise<void>,
  ): Promise<Subscription>;
  /** Durable pull consumer. The handler resolves → the batch is acked; throws → nak'ed and redelivered after a delay. */
  consume(opts: ConsumerOptions, handler: (batch: Delivery<any>[]) => Promise<void>): Promise<ConsumerHandle>;
  /** Creates or updates the events stream; idempotent. */
  ensureStreams(opts?: { maxAgeMs?: number; duplicateWindowMs?: number }): Promise<void>;

  health(): Promise<{ ok: boolean; detail: string }>;
  /** Listen to connection changes; returns the function that removes the listener. */
  onStatus(listener: (s: BusStatus) => void): () => void;
  /** Stop taking new work, finish handlers in flight, flush, close. */
  drain(): Promise<void>;
  close(): Promise<void>;
}
