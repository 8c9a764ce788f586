import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

let on = false;

/** Set by `startTracing`; while false, the helpers below call straight through. */
export function setTracingOn(value: boolean): void {
  on = value;
}

/** True once the SDK runs in this process. */
export function tracingOn(): boolean {
  return on;
}

export { SpanKind };

const tracer = () => trace.getTracer('helix');

/**
 * Runs `fn` in a new span (child of the active one), ended when `fn`'s promise
 * settles; a rejection marks it failed with the error's code or name, never its
 * message (which may quote a prompt). Tracing off: just `fn(undefined)`.
 */
export async function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span | undefined) => Promise<T> | T, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!on) return fn(undefined);
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      failSpan(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (a stream's); undefined when tracing is off. */
export function startSpan(name: string, attributes: Attributes, kind: SpanKind = SpanKind.INTERNAL): Span | undefined {
  return on ? tracer().startSpan(name, { kind, attributes }) : undefined;
}

/** Runs `fn` with `span` as the active span (no-op without one). */
export function withSpan<T>(span: Span | undefined, fn: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), fn) : fn();
}

/** Marks the span failed: status ERROR and `error.type`, from the error's code or name only. */
export function failSpan(span: Span | undefined, err: unknown): void {
  if (!span) return;
  const e = err as { code?: unknown; type?: unknown; name?: unknown } | null;
  const type = String(e?.code ?? e?.type ?? e?.name ?? 'error');
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  span.setAttribute('error.type', type);
}

/** The active span, when tracing runs and one is recording. */
export function activeSpan(): Span | undefined {
  if (!on) return undefined;
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/** Trace id of the active span (for logs), when tracing runs. */
export function activeTraceId(): string | undefined {
  if (!on) return undefined;
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? ctx.traceId : undefined;
}

/** Adds the active span's `traceparent` (and `tracestate`) to outgoing HTTP headers, when tracing runs. */
export function injectTraceContext(headers: Record<string, string>): void {
  if (on) propagation.inject(context.active(), headers);
}

/**
 * Runs `fn` in a server span continuing the inbound `traceparent` of `headers`
 * (a new trace without one), ended when `fn` settles. Tracing off: `fn(undefined)`.
 */
export async function inServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!on) return fn(undefined);
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    failSpan(span, err);
    throw err;
  } finally {
    span.end();
  }
}
