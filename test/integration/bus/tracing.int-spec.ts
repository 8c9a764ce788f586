import { context, SpanKind, trace } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus, createNatsBus, tracingPropagator, type Bus, type BusMetrics, type Delivery, type NatsBus } from '@helix/bus';
import { EventSubjects, RpcSubjects, uuidv7 } from '@helix/contracts';
import { inMemoryTracing, testTracer } from '../../support/in-memory-tracing.js';
import { testNatsUrl, uniqueName } from '../../support/infra.js';
import { until } from '../../support/wait.js';

const quiet = { warn: () => undefined, error: () => undefined };
const redact = RpcSubjects.piiRedact;
const completed = EventSubjects.requestCompleted;

type Open = (opts: { propagate: () => boolean; metrics?: BusMetrics }) => Promise<Bus>;

/** The same checks against each adapter: spans around bus calls, and their context through message headers. */
function tracingSuite(name: string, setUp: () => { open: Open; cleanup(): Promise<void> }) {
  describe(`bus tracing: ${name}`, () => {
    let exporter: tracing.InMemorySpanExporter;
    let target: ReturnType<typeof setUp>;
    let propagate = true;
    const spans = () => exporter.getFinishedSpans();
    const named = (n: string, kind: SpanKind) => spans().filter((s) => s.name === n && s.kind === kind);

    beforeAll(() => {
      exporter = inMemoryTracing();
    });
    afterEach(async () => {
      await target.cleanup();
      exporter.reset();
      propagate = true;
    });

    const open = async (metrics?: BusMetrics) => {
      target ??= setUp();
      const bus = await target.open({ propagate: () => propagate, metrics });
      await bus.ensureStreams();
      return bus;
    };
    const underRoot = <T>(fn: () => Promise<T>) => testTracer().startActiveSpan('root', async (root) => {
      try {
        return { root: root.spanContext(), value: await fn() };
      } finally {
        root.end();
      }
    });

    it('a request runs in a client span whose context the handler span continues from the headers', async () => {
      target = setUp();
      const bus = await open();
      let seen: { traceparent?: string; active?: string } = {};
      await bus.respond(redact, async (_req, ctx) => {
        seen = { traceparent: ctx.headers.traceparent, active: trace.getActiveSpan()?.spanContext().spanId };
        return { segments: [] };
      }, { queue: 'pii' });
      const { root } = await underRoot(() => bus.request(redact, { requestId: 'r1' }, { timeoutMs: 2_000 }));
      await until(() => named(`process ${redact}`, SpanKind.SERVER).length === 1, 'the handler span');
      const [client] = named(`request ${redact}`, SpanKind.CLIENT);
      const [handler] = named(`process ${redact}`, SpanKind.SERVER);
      expect(client!.parentSpanContext?.spanId).toBe(root.spanId);
      expect(handler!.parentSpanContext?.spanId).toBe(client!.spanContext().spanId);
      expect(handler!.spanContext().traceId).toBe(root.traceId);
      expect(seen.traceparent).toBe(`00-${root.traceId}-${client!.spanContext().spanId}-01`);
      expect(seen.active).toBe(handler!.spanContext().spanId);
      expect(handler!.attributes).toMatchObject({ 'messaging.system': 'nats', 'messaging.destination.name': redact, 'messaging.operation.type': 'process' });
    });

    it('an event carries its producer span to every consumer span of a batch', async () => {
      target = setUp();
      const bus = await open();
      const got: Delivery[] = [];
      const consumer = await bus.consume({ durable: 'trace-test', filter: completed, maxWaitMs: 20 }, async (batch) => {
        await bus.propagator!.batch!('trace-test', batch, async () => void got.push(...batch));
      });
      const { root } = await underRoot(() => bus.publish(completed, { eventId: 'e1' }, { msgId: uuidv7() }));
      await until(() => named(`process ${completed}`, SpanKind.CONSUMER).length === 1, 'the consumer span');
      await consumer.stop();
      const [producer] = named(`publish ${completed}`, SpanKind.PRODUCER);
      const [span] = named(`process ${completed}`, SpanKind.CONSUMER);
      expect(producer!.parentSpanContext?.spanId).toBe(root.spanId);
      expect(span!.parentSpanContext?.spanId).toBe(producer!.spanContext().spanId);
      expect(span!.attributes['messaging.consumer.group.name']).toBe('trace-test');
      expect(got[0]!.headers.traceparent).toContain(producer!.spanContext().spanId);
    });

    it('a stored traceparent (an outbox event published later, outside the request) parents the producer span', async () => {
      target = setUp();
      const bus = await open();
      const stored = { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8) };
      await context.with(context.active(), () => bus.publish(completed, { eventId: 'e2' }, { msgId: uuidv7(), headers: { traceparent: `00-${stored.traceId}-${stored.spanId}-01` } }));
      const [producer] = named(`publish ${completed}`, SpanKind.PRODUCER);
      expect(producer!.spanContext().traceId).toBe(stored.traceId);
      expect(producer!.parentSpanContext?.spanId).toBe(stored.spanId);
    });

    it('with propagation off the handler starts a trace of its own and no traceparent crosses', async () => {
      target = setUp();
      const bus = await open();
      propagate = false;
      let traceparent: string | undefined = 'unset';
      await bus.respond(redact, async (_req, ctx) => {
        traceparent = ctx.headers.traceparent;
        return { segments: [] };
      }, { queue: 'pii' });
      const { root } = await underRoot(() => bus.request(redact, { requestId: 'r2' }, { timeoutMs: 2_000 }));
      await until(() => named(`process ${redact}`, SpanKind.SERVER).length === 1, 'the handler span');
      const [handler] = named(`process ${redact}`, SpanKind.SERVER);
      expect(traceparent).toBeUndefined();
      expect(handler!.spanContext().traceId).not.toBe(root.traceId);
      expect(handler!.parentSpanContext).toBeUndefined();
    });

    it('reports consumer lag while a durable runs: pending plus unacked, then zero once acked', async () => {
      target = setUp();
      const readings: [number, number][] = [];
      const bus = await open({ consumerLag: { intervalMs: 50, observe: (_d, p, a) => void readings.push([p, a]) } });
      for (let i = 0; i < 3; i++) await bus.publish(completed, { eventId: `l${i}` }, { msgId: uuidv7() });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const consumer = await bus.consume({ durable: 'lag-test', filter: completed, batch: 1, maxWaitMs: 10 }, () => held);
      await until(() => readings.some(([p, a]) => p + a === 3 && a >= 1), 'a lag of three with one in flight', 5_000);
      release();
      await until(() => readings.at(-1)?.[0] === 0 && readings.at(-1)?.[1] === 0, 'no lag once every event is acked', 5_000);
      await consumer.stop();
    });
  });
}

tracingSuite('in-process', () => {
  const opened: Bus[] = [];
  return {
    open: async ({ propagate, metrics }) => {
      const bus = createInProcessBus({ logger: quiet, propagator: tracingPropagator({ propagate }), metrics });
      opened.push(bus);
      return bus;
    },
    cleanup: async () => void (await Promise.all(opened.splice(0).map((b) => b.close()))),
  };
});

tracingSuite('nats', () => {
  const namespace = uniqueName('trace');
  const opened: NatsBus[] = [];
  return {
    open: async ({ propagate, metrics }) => {
      const bus = await createNatsBus({ servers: testNatsUrl(), name: 'bus-tracing', namespace, logger: quiet, propagator: tracingPropagator({ propagate }), metrics });
      opened.push(bus);
      return bus;
    },
    cleanup: async () => {
      await opened[0]?.deleteStreamForTests();
      await Promise.all(opened.splice(0).map((b) => b.close()));
    },
  };
});
