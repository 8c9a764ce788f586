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
  extract<T>(headers: Record<string, string>, fn: () => T): T;
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
