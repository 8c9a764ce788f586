import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryTracing } from '../../../../test/support/in-memory-tracing.js';
import { captureLines } from '../logging/capture.test-helper.js';
import { createLogger } from '../logging/create-logger.js';
import { requestContext } from '../logging/request-context.js';
import { activeTraceId, injectTraceContext, inServerSpan, inSpan, setTracingOn } from './spans.js';

const exporter = inMemoryTracing();
const TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';
const config = { service: 'gateway' as const, log: { level: 'info' as const, pretty: false }, telemetry: { serviceName: 'helix-gateway' } as never };

beforeAll(() => setTracingOn(true));
afterEach(() => {
  exporter.reset();
  setTracingOn(true);
});

describe('span helpers', () => {
  it('continue an inbound traceparent in a server span; children, injected headers and log lines carry its trace', async () => {
    const { stream, lines } = captureLines();
    const log = createLogger(config, stream);
    const headers: Record<string, string> = {};
    await inServerSpan('POST /v1/chat/completions', { traceparent: `00-${TRACE}-${PARENT}-01` }, {}, () =>
      requestContext.run({ correlationId: 'c1', traceId: activeTraceId() }, () =>
        inSpan('auth', {}, async () => {
          injectTraceContext(headers);
          log.info('inside');
        }),
      ),
    );
    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER)!;
    const auth = exporter.getFinishedSpans().find((s) => s.name === 'auth')!;
    expect(server.spanContext().traceId).toBe(TRACE);
    expect(server.parentSpanContext?.spanId).toBe(PARENT);
    expect(auth.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(headers.traceparent).toBe(`00-${TRACE}-${auth.spanContext().spanId}-01`);
    expect(lines.find((l) => l.msg === 'inside')).toMatchObject({ traceId: TRACE, correlationId: 'c1' });
  });

  it('mark a failed span with the error code only, never its message', async () => {
    const err = Object.assign(new Error('the prompt said: my secret plan'), { code: 'upstream_timeout' });
    await expect(inSpan('chat gpt', {}, async () => Promise.reject(err))).rejects.toBe(err);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'upstream_timeout' });
    expect(JSON.stringify([span!.attributes, span!.status, span!.events])).not.toContain('secret');
  });

  it('cost nothing with tracing off: no span, no header, no trace id', async () => {
    setTracingOn(false);
    const headers: Record<string, string> = {};
    const out = await inServerSpan('x', { traceparent: `00-${TRACE}-${PARENT}-01` }, {}, (span) => inSpan('y', {}, async (child) => (injectTraceContext(headers), [span, child, activeTraceId()])));
    expect(out).toEqual([undefined, undefined, undefined]);
    expect(headers).toEqual({});
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
