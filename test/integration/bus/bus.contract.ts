import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusRequestError, currentBusContext, runWithBusContext, type Bus, type BusContext, type Delivery } from '@helix/bus';
import { ErrorCodes, EventSubjects, RpcSubjects, uuidv7, WorkSubjects, type RequestCompleted } from '@helix/contracts';
import { spawnTs } from '../../support/ts-child.js';
import { sleep, until } from '../../support/wait.js';
import type { ChildBusSpec } from './support/child-spec.js';

/** One isolated bus world per test: buses it opens share one events stream. */
export interface BusTarget {
  /** A new bus (a new "process") on this target's stream; stream tests use one at a time. */
  open(): Promise<Bus>;
  /** How a child process opens the same bus; absent when the adapter cannot outlive a process. */
  childSpec?(): ChildBusSpec;
  /** Closes what `open` opened and deletes the stream (or journal). */
  cleanup(): Promise<void>;
}

const completed = EventSubjects.requestCompleted;
const childScript = fileURLToPath(new URL('./support/bus-child.ts', import.meta.url));
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const rejection = async (p: Promise<unknown>): Promise<BusRequestError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BusRequestError);
  return err as BusRequestError;
};

/**
 * The bus contract: every adapter passes the same suite. `factory` makes a fresh,
 * isolated target for each test (own namespace and stream, or own journal).
 */
export function busContract(name: string, factory: () => Promise<BusTarget>): void {
  describe(`bus contract: ${name}`, () => {
    let target: BusTarget;
    let bus: Bus;

    beforeEach(async () => {
      target = await factory();
      bus = await target.open();
      await bus.ensureStreams();
    });
    afterEach(async () => {
      await target.cleanup();
    });

    const events = (ids: string[]) =>
      Promise.all(ids.map((eventId) => bus.publish(completed, { eventId }, { msgId: eventId })));

    it('answers a request with the typed reply', async () => {
      await bus.respond(RpcSubjects.piiRedact, async (req) => ({ segments: req.segments.map((s) => ({ path: s.path, text: s.text.toUpperCase() })) }), { queue: 'pii' });
      const reply = await bus.request(RpcSubjects.piiRedact, { requestId: 'r1', segments: [{ path: 'm0', text: 'hello' }] }, { timeoutMs: 2_000 });
      expect(reply.segments).toEqual([expect.objectContaining({ path: 'm0', text: 'HELLO' })]);
    });

    it('fails a slow request with bus_timeout and no responders at once with bus_no_responders', async () => {
      const started = Date.now();
      const none = await rejection(bus.request(RpcSubjects.cacheLookup, { requestId: 'x' }, { timeoutMs: 5_000 }));
      expect(none).toMatchObject({ code: ErrorCodes.busNoResponders, retryable: true });
      expect(Date.now() - started).toBeLessThan(2_000);

      await bus.respond(RpcSubjects.cacheLookup, async (req) => (await sleep(req.requestId === 'slow' ? 400 : 0), { entryId: req.requestId }), { queue: 'cache' });
      const slow = await rejection(bus.request(RpcSubjects.cacheLookup, { requestId: 'slow' }, { timeoutMs: 100 }));
      expect(slow).toMatchObject({ code: ErrorCodes.busTimeout, retryable: true });
      const fast = await bus.request(RpcSubjects.cacheLookup, { requestId: 'fast' }, { timeoutMs: 2_000 });
      expect(fast.entryId).toBe('fast');
    });

    it("sends a responder's error back typed, and hides an unexpected one", async () => {
      await bus.respond(
        RpcSubjects.costReserve,
        async (req) => {
          if (req.model === 'typed') throw Object.assign(new Error('over budget'), { code: ErrorCodes.budgetExceeded, retryable: false });
          if (req.model === 'boom') throw new Error('db password=hunter2 refused');
          return { swapModel: req.model };
        },
        { queue: 'cost' },
      );
      const typed = await rejection(bus.request(RpcSubjects.costReserve, { model: 'typed' }, { timeoutMs: 2_000 }));
      expect(typed).toMatchObject({ code: ErrorCodes.budgetExceeded, message: 'over budget', retryable: false });
      const hidden = await rejection(bus.request(RpcSubjects.costReserve, { model: 'boom' }, { timeoutMs: 2_000 }));
      expect(hidden).toMatchObject({ code: ErrorCodes.internal, retryable: false });
      expect(hidden.message).not.toContain('hunter2');
      expect((await bus.request(RpcSubjects.costReserve, { model: 'ok' }, { timeoutMs: 2_000 })).swapModel).toBe('ok');
    });

    it('shares requests and work across the members of a queue group, each message once', async () => {
      const answered = [0, 0];
      for (const i of [0, 1]) {
        await bus.respond(RpcSubjects.identityVerify, async () => (answered[i]!++, { valid: true }), { queue: 'identity' });
      }
      for (let n = 0; n < 20; n++) await bus.request(RpcSubjects.identityVerify, { keySha256: `k${n}` }, { timeoutMs: 2_000 });
      expect(answered[0]! + answered[1]!).toBe(20);
      expect(answered[0]).toBeGreaterThan(0);
      expect(answered[1]).toBeGreaterThan(0);

      const worked = [new Set<string>(), new Set<string>()];
      for (const i of [0, 1]) {
        await bus.onWork(WorkSubjects.cacheStore, async (msg) => void worked[i]!.add(msg.requestId), { queue: 'cache' });
      }
      for (let n = 0; n < 20; n++) bus.send(WorkSubjects.cacheStore, { requestId: `w${n}` });
      await until(() => worked[0]!.size + worked[1]!.size >= 20, 'all work handled');
      await sleep(100);
      expect(worked[0]!.size + worked[1]!.size).toBe(20);
      expect([...worked[0]!].filter((id) => worked[1]!.has(id))).toEqual([]);
      expect(worked[0]!.size).toBeGreaterThan(0);
      expect(worked[1]!.size).toBeGreaterThan(0);
    });

    it('broadcasts an event to every plain subscriber', async () => {
      const got = [[] as string[], [] as string[]];
      for (const i of [0, 1]) await bus.subscribe(EventSubjects.identityChanged, (msg) => void got[i]!.push(msg.keyId));
      for (let n = 0; n < 5; n++) await bus.publish(EventSubjects.identityChanged, { keyId: `k${n}` }, { msgId: uuidv7() });
      await until(() => got[0]!.length === 5 && got[1]!.length === 5, 'both subscribers to get 5 events');
      expect(got[0]).toEqual(got[1]);
    });

    it('carries headers, the correlation id and trace context across the bus', async () => {
      const seen: { ctx: BusContext; current?: string }[] = [];
      const record = (ctx: BusContext) => void seen.push({ ctx, current: currentBusContext()?.correlationId });
      await bus.respond(RpcSubjects.identityVerify, async (_m, ctx) => (record(ctx), { valid: true }), { queue: 'identity' });
      await bus.onWork(WorkSubjects.cacheStore, async (_m, ctx) => record(ctx), { queue: 'cache' });
      const deliveries: Delivery[] = [];
      await bus.consume({ durable: 'headers', filter: completed, maxWaitMs: 10 }, async (batch) => void deliveries.push(...batch));

      await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000, headers: { 'x-request-id': 'explicit', traceparent, 'x-extra': 'v' } });
      await runWithBusContext({ correlationId: 'ambient', traceparent }, async () => {
        await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 });
        await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000, headers: { 'x-request-id': 'caller-wins' } });
        bus.send(WorkSubjects.cacheStore, {});
        await bus.publish(completed, { eventId: 'e1' }, { msgId: 'e1' });
      });
      await until(() => seen.length === 4 && deliveries.length === 1, 'every message to arrive');

      expect(seen[0]!.ctx.headers).toMatchObject({ 'x-request-id': 'explicit', traceparent, 'x-extra': 'v' });
      expect(seen.map((s) => [s.ctx.correlationId, s.current])).toEqual([
        ['explicit', 'explicit'],
        ['ambient', 'ambient'],
        ['caller-wins', 'caller-wins'],
        ['ambient', 'ambient'],
      ]);
      expect(seen[1]!.ctx.headers.traceparent).toBe(traceparent);
      expect(deliveries[0]!.headers).toMatchObject({ 'x-request-id': 'ambient', traceparent });
    });

    it('carries a 3 MB message by request/reply and JetStream, and refuses one over maxPayload', async () => {
      expect(bus.maxPayload).toBeGreaterThanOrEqual(8 * 1024 * 1024);
      const big = 'x'.repeat(3 * 1024 * 1024);
      await bus.respond(RpcSubjects.piiRedact, async (req) => ({ segments: [{ text: req.segments[0]!.text + '!' }] }), { queue: 'pii' });
      const reply = await bus.request(RpcSubjects.piiRedact, { segments: [{ text: big }] }, { timeoutMs: 10_000 });
      expect(reply.segments[0]!.text.length).toBe(big.length + 1);

      const got: Delivery<RequestCompleted>[] = [];
      await bus.consume({ durable: 'big', filter: completed, maxWaitMs: 10 }, async (batch) => void got.push(...batch));
      await bus.publish(completed, { eventId: 'big', requestedModel: big }, { msgId: 'big' });
      await until(() => got.length === 1, 'the 3 MB event');
      expect(got[0]!.message.requestedModel.length).toBe(big.length);

      const huge = 'x'.repeat(bus.maxPayload + 1);
      const refused = await rejection(bus.request(RpcSubjects.piiRedact, { segments: [{ text: huge }] }, { timeoutMs: 2_000 }));
      expect(refused).toMatchObject({ code: ErrorCodes.payloadTooLarge, retryable: false });
      expect((await rejection(bus.publish(completed, { requestedModel: huge }, { msgId: 'huge' }))).code).toBe(ErrorCodes.payloadTooLarge);
    });

    it('de-duplicates published events by msgId', async () => {
      const first = await bus.publish(completed, { eventId: 'a' }, { msgId: 'a' });
      const again = await bus.publish(completed, { eventId: 'a' }, { msgId: 'a' });
      const other = await bus.publish(completed, { eventId: 'b' }, { msgId: 'b' });
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ seq: first.seq, duplicate: true });
      expect(other).toEqual({ seq: first.seq + 1, duplicate: false });
      const ids: string[] = [];
      await bus.consume({ durable: 'dedup', filter: completed, maxWaitMs: 10 }, async (batch) => void ids.push(...batch.map((d) => d.message.eventId)));
      await until(() => ids.length >= 2, 'two events');
      await sleep(200);
      expect(ids).toEqual(['a', 'b']);
    });

    it('redelivers a nak-ed batch, counts deliveries, and gives up after maxDeliver', async () => {
      const counts = new Map<string, number[]>();
      await bus.consume({ durable: 'retry', filter: completed, maxWaitMs: 10, maxDeliver: 2, nakDelayMs: 50, ackWaitMs: 5_000 }, async (batch) => {
        for (const d of batch) counts.set(d.message.eventId, [...(counts.get(d.message.eventId) ?? []), d.deliveryCount]);
        if (batch.some((d) => d.message.eventId === 'poison' || (d.message.eventId === 'flaky' && d.deliveryCount === 1))) {
          throw new Error('handler failed');
        }
      });
      await bus.publish(completed, { eventId: 'poison' }, { msgId: 'poison' });
      await until(() => counts.get('poison')?.length === 2, 'poison delivered twice');
      await bus.publish(completed, { eventId: 'flaky' }, { msgId: 'flaky' });
      await until(() => counts.get('flaky')?.length === 2, 'flaky redelivered');
      await sleep(400);
      expect(counts.get('poison')).toEqual([1, 2]);
      expect(counts.get('flaky')).toEqual([1, 2]);
    });

    it('resumes a stopped durable where it acked: only new events arrive, and acked ones never again', async () => {
      const first = Array.from({ length: 10 }, () => uuidv7());
      const later = Array.from({ length: 5 }, () => uuidv7());
      const seen: string[] = [];
      const handler = async (batch: Delivery<RequestCompleted>[]) => void seen.push(...batch.map((d) => d.message.eventId));
      const opts = { durable: 'resume', filter: completed, maxWaitMs: 10, ackWaitMs: 500 };
      await events(first);
      const c1 = await bus.consume(opts, handler);
      await until(() => seen.length === 10, 'first ten');
      await c1.stop();
      await events(later);
      await sleep(100);
      expect(seen).toHaveLength(10);
      await bus.consume(opts, handler);
      await until(() => seen.length >= 15, 'five more');
      await sleep(800);
      expect(seen).toEqual([...first, ...later]);
    });

    it('sets up streams idempotently', async () => {
      await bus.ensureStreams();
      await bus.ensureStreams({ maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 });
      await bus.ensureStreams({ maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 });
      expect((await bus.publish(completed, { eventId: 's' }, { msgId: 's' })).duplicate).toBe(false);
    });

    it('reports health and status, finishes work in flight on drain, and refuses work once closed', async () => {
      expect((await bus.health()).ok).toBe(true);
      const statuses: string[] = [];
      bus.onStatus((s) => statuses.push(s));
      let started = false;
      await bus.respond(RpcSubjects.identityVerify, async () => ((started = true), await sleep(300), { valid: true }), { queue: 'identity' });
      const pending = bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 5_000 });
      await until(() => started, 'the handler to start');
      await bus.drain();
      expect((await pending).valid).toBe(true);
      expect(statuses).toContain('closed');
      expect((await bus.health()).ok).toBe(false);
      expect((await rejection(bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 500 }))).code).toBe(ErrorCodes.busUnavailable);
    });

    it('loses nothing when a consumer is killed mid-batch; an idempotent handler has no duplicate effect', async (ctx) => {
      if (!target.childSpec) return ctx.skip();
      const ids = Array.from({ length: 30 }, () => uuidv7());
      await events(ids);
      await bus.close();
      const spec = { ...target.childSpec(), durable: 'killed', filter: completed, batch: 10, ackWaitMs: 1_000 };
      const child = spawnTs(childScript, [JSON.stringify(spec)]);
      try {
        const line = await child.waitForLine(/^batch /, 30_000);
        expect(Number(line.split(' ')[1])).toBeGreaterThan(0);
      } finally {
        await child.kill('SIGKILL');
      }

      const restarted = await target.open();
      const effects = new Set<string>();
      let deliveries = 0;
      let redelivered = 0;
      let failedBatch = 0;
      await restarted.consume({ durable: 'killed', filter: completed, batch: 10, ackWaitMs: 1_000, nakDelayMs: 50, maxWaitMs: 20 }, async (batch: Delivery<RequestCompleted>[]) => {
        for (const d of batch) {
          deliveries++;
          if (d.deliveryCount > 1) redelivered++;
          effects.add(d.message.eventId);
        }
        if (failedBatch === 0) {
          failedBatch = batch.length;
          throw new Error('crashed after the effect, before the ack');
        }
      });
      await until(() => effects.size === ids.length && deliveries >= ids.length + failedBatch, 'every event, and the failed batch again', 20_000);
      await sleep(200);
      expect([...effects].sort()).toEqual([...ids].sort());
      expect(redelivered).toBeGreaterThan(0);
      expect(deliveries).toBeGreaterThanOrEqual(ids.length + failedBatch);
    });
  });
}
