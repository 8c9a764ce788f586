import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { BusHeaders } from '@helix/contracts';
import { correlationPropagator, type BusPropagator, type HandlerSpan, type OutgoingCall } from './bus-context.js';

export interface TracingPropagatorOptions {
  /**
   * Carry the trace context in message headers (`telemetry.tracing.propagateBus`, read
   * per message so a reload applies); off, spans are still made but every handler
   * starts a new trace.
   */
  propagate: boolean | (() => boolean);
  /** What else crosses the bus (the correlation id); default {@link correlationPropagator}. */
  base?: BusPropagator;
}

const tracer = () => trace.getTracer('helix-bus');

const CLIENT_KIND = { request: SpanKind.CLIENT, send: SpanKind.PRODUCER, publish: SpanKind.PRODUCER } as const;
const HANDLER_KIND = { respond: SpanKind.SERVER, deliver: SpanKind.CONSUMER, consume: SpanKind.CONSUMER } as const;

/**
 * The OpenTelemetry bus propagator: client and producer spans around outgoing
 * calls, whose context goes into the W3C `traceparent`/`tracestate` headers;
 * handler and consumer spans whose parent is read from those headers. The
 * correlation id still crosses as the base propagator carries it.
 */
export function tracingPropagator(opts: TracingPropagatorOptions): BusPropagator {
  const base = opts.base ?? correlationPropagator;
  const p = opts.propagate;
  const propagate = typeof p === 'function' ? p : () => p;
  const parentOf = (headers: Record<string, string> | undefined, fallback: Context): Context =>
    propagate() && headers?.[BusHeaders.traceparent] !== undefined ? propagation.extract(fallback, headers) : fallback;
  return {
    inject(headers) {
      const on = propagate();
      if (on) propagation.inject(context.active(), headers);
      base.inject(headers);
      if (!on) {
        delete headers[BusHeaders.traceparent];
        delete headers[BusHeaders.tracestate];
      }
    },

    extract(headers, fn, span) {
      return base.extract(headers, () => {
        const parent = parentOf(headers, ROOT_CONTEXT);
        if (!span) return context.with(parent, fn);
        const s = tracer().startSpan(`process ${span.subject}`, { kind: HANDLER_KIND[span.kind], attributes: handlerAttributes(span) }, parent);
        return ended(s, () => context.with(trace.setSpan(parent, s), fn));
      });
    },

    outgoing(call, fn) {
      const parent = call.kind === 'publish' ? parentOf(call.headers, context.active()) : context.active();
      const s = tracer().startSpan(`${call.kind} ${call.subject}`, { kind: CLIENT_KIND[call.kind], attributes: outgoingAttributes(call) }, parent);
      return ended(s, () => context.with(trace.setSpan(parent, s), fn));
    },

    batch(durable, deliveries, fn) {
      const spans = deliveries.map((d) =>
        tracer().startSpan(
          `process ${d.subject}`,
          { kind: SpanKind.CONSUMER, attributes: { ...handlerAttributes({ subject: d.subject, kind: 'consume', durable }), 'messaging.batch.message_count': deliveries.length } },
          parentOf(d.headers, ROOT_CONTEXT),
        ),
      );
      return whenSettled(fn, (err) => spans.forEach((s) => end(s, err)));
    },
  };
}

/** Messaging semantic-convention attributes of a handler span. */
export function handlerAttributes(span: HandlerSpan): Attributes {
  return {
    'messaging.system': 'nats',
    'messaging.destination.name': span.subject,
    'messaging.operation.type': 'process',
    'messaging.operation.name': span.kind,
    ...(span.durable && { 'messaging.consumer.group.name': span.durable }),
  };
}

/** Messaging semantic-convention attributes of a client or producer span. */
export function outgoingAttributes(call: OutgoingCall): Attributes {
  return {
    'messaging.system': 'nats',
    'messaging.destination.name': call.subject,
    'messaging.operation.type': 'send',
    'messaging.operation.name': call.kind,
    ...(call.msgId && { 'messaging.message.id': call.msgId }),
  };
}

/** Runs `fn`, ending the span when it returns, throws, or its promise settles. */
function ended<T>(span: Span, fn: () => T): T {
  return whenSettled(fn, (err) => end(span, err));
}

/** Runs `fn` and calls `done` (with the error, if any) once it returned, threw, or its promise settled. */
function whenSettled<T>(fn: () => T, done: (err?: unknown) => void): T {
  let result: T;
  try {
    result = fn();
  } catch (err) {
    done(err);
    throw err;
  }
  if (isThenable(result)) return result.then((v) => (done(), v), (err: unknown) => (done(err), Promise.reject(err))) as T;
  done();
  return result;
}

function end(span: Span, err?: unknown): void {
  if (err !== undefined) {
    const code = (err as { code?: unknown }).code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : (err as Error).name });
    if (typeof code === 'string') span.setAttribute('error.type', code);
  }
  span.end();
}

const isThenable = (v: unknown): v is Promise<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';
