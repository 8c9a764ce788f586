import { AsyncLocalStorage } from 'node:async_hooks';
import { BusHeaders } from '@helix/contracts';

/** The request-scoped context that crosses the bus in headers. */
export interface BusContextValues {
  correlationId?: string;
  traceparent?: string;
  tracestate?: string;
}

/**
 * Carries the correlation and trace context across the bus: `inject` adds the
 * current context to outgoing headers the caller did not set; `extract` runs a
 * handler inside the context read from incoming headers. The OpenTelemetry
 * propagator of @helix/telemetry implements the same interface.
 */
export interface BusPropagator {
  inject(headers: Record<string, string>): void;
  /** With `span`, a tracing propagator runs `fn` in a handler span whose parent comes from the headers. */
  extract<T>(headers: Record<string, string>, fn: () => T, span?: HandlerSpan): T;
  /** Runs an outgoing call (`fn` builds the headers and sends) inside a client or producer span. */
  outgoing?<T>(call: OutgoingCall, fn: () => T): T;
  /** Runs a batch handler with one consumer span per delivery, each a child of its message's headers. */
  batch?<T>(durable: string, deliveries: readonly { subject: string; headers: Record<string, string> }[], fn: () => T): T;
}

/** What a handler span describes. */
export interface HandlerSpan {
  subject: string;
  /** `respond`: answers a request; `deliver`: a core message; `consume`: a JetStream delivery. */
  kind: 'respond' | 'deliver' | 'consume';
  /** Durable consumer name (consume only). */
  durable?: string;
}

/** What a client or producer span describes. */
export interface OutgoingCall {
  subject: string;
  /** `request`: request/reply; `send`: core work message; `publish`: JetStream event. */
  kind: 'request' | 'send' | 'publish';
  /** The caller's own headers: a stored `traceparent` (an outbox event) is the span's parent. */
  headers?: Record<string, string>;
  /** The JetStream message id (publish only). */
  msgId?: string;
}

/** The store the default propagator reads and writes. */
export const busContext = new AsyncLocalStorage<BusContextValues>();

/** Runs `fn` with `values` as the current bus context (e.g. from an HTTP request's `x-request-id`). */
export function runWithBusContext<T>(values: BusContextValues, fn: () => T): T {
  return busContext.run(values, fn);
}

export function currentBusContext(): BusContextValues | undefined {
  return busContext.getStore();
}

/** The default propagator: correlation id and W3C trace headers, passed through as they are. */
export const correlationPropagator: BusPropagator = {
  inject(headers) {
    const ctx = busContext.getStore();
    if (!ctx) return;
    if (ctx.correlationId !== undefined && headers[BusHeaders.correlationId] === undefined) {
      headers[BusHeaders.correlationId] = ctx.correlationId;
    }
    if (ctx.traceparent !== undefined && headers[BusHeaders.traceparent] === undefined) {
      headers[BusHeaders.traceparent] = ctx.traceparent;
      if (ctx.tracestate !== undefined) headers[BusHeaders.tracestate] = ctx.tracestate;
    }
  },
  extract(headers, fn) {
    return busContext.run(
      {
        correlationId: headers[BusHeaders.correlationId],
        traceparent: headers[BusHeaders.traceparent],
        tracestate: headers[BusHeaders.tracestate],
      },
      fn,
    );
  },
};
