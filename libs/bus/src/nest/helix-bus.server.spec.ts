import 'reflect-metadata';
import { Controller, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { firstValueFrom, of } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCodes,
  EventSubjects,
  RpcSubjects,
  WorkSubjects,
  type CacheStore,
  type IdentityChanged,
  type PiiRedactRequest,
  type RequestCompleted,
} from '@helix/contracts';
import type { BusContext, Delivery } from '../bus.port.js';
import { BusRequestError } from '../bus-error.js';
import { createInProcessBus } from '../in-process/create-in-process-bus.js';
import { BusEventPattern } from './bus-event-pattern.js';
import { BusExceptionFilter } from './bus-exception.filter.js';
import { HelixBusServer } from './helix-bus.server.js';

const seen = {
  events: [] as { id: string; count: number; correlationId?: string }[],
  batches: [] as string[][],
  work: [] as string[],
  broadcast: [] as string[],
};

@Controller()
@UseFilters(BusExceptionFilter)
class TestHandlers {
  @MessagePattern(RpcSubjects.piiRedact)
  redact(@Payload() req: PiiRedactRequest, @Ctx() ctx: BusContext) {
    if (req.requestId === 'over') throw Object.assign(new Error('over budget'), { code: ErrorCodes.budgetExceeded, retryable: false });
    return { segments: [{ path: ctx.correlationId ?? '', text: req.segments[0]?.text.toUpperCase() ?? '' }] };
  }

  @MessagePattern(RpcSubjects.identityVerify)
  verify() {
    return of({ valid: true, keyId: 'from-observable' });
  }

  @BusEventPattern(EventSubjects.requestCompleted, { durable: 'nest-per-message', maxWaitMs: 5, nakDelayMs: 20 })
  async completed(@Payload() e: RequestCompleted, @Ctx() ctx: BusContext) {
    seen.events.push({ id: e.eventId, count: ctx.deliveryCount, correlationId: ctx.correlationId });
    if (e.eventId === 'flaky' && ctx.deliveryCount === 1) throw new Error('first try fails');
  }

  @BusEventPattern(EventSubjects.requestCompleted, { durable: 'nest-batch', batch: true, maxWaitMs: 5 })
  async completedBatch(@Payload() batch: Delivery<RequestCompleted>[]) {
    seen.batches.push(batch.map((d) => d.message.eventId));
  }

  @EventPattern(WorkSubjects.cacheStore)
  async store(@Payload() msg: CacheStore) {
    seen.work.push(msg.requestId);
  }

  @EventPattern(EventSubjects.identityChanged)
  changed(@Payload() msg: IdentityChanged) {
    seen.broadcast.push(msg.keyId);
  }
}

@Controller()
class UnfilteredHandlers {
  @MessagePattern(RpcSubjects.costReserve)
  reserve() {
    throw Object.assign(new Error('over budget'), { code: ErrorCodes.budgetExceeded, retryable: false });
  }
}

@Module({ controllers: [TestHandlers, UnfilteredHandlers] })
class TestModule {}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('HelixBusServer (Nest custom transport over the in-process bus)', () => {
  const bus = createInProcessBus({ logger: { warn: () => undefined, error: () => undefined } });
  let app: NestFastifyApplication;
  const server = new HelixBusServer(bus, 'test');

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
    app.connectMicroservice({ strategy: server });
    await app.startAllMicroservices();
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await bus.close();
  });

  it('answers @MessagePattern requests with a value or an observable, with the bus context', async () => {
    expect(await firstValueFrom(server.status)).toBe('connected');
    const reply = await bus.request(RpcSubjects.piiRedact, { segments: [{ text: 'hi' }] }, { timeoutMs: 2_000, headers: { 'x-request-id': 'c-1' } });
    expect(reply.segments[0]).toMatchObject({ path: 'c-1', text: 'HI' });
    expect((await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 })).keyId).toBe('from-observable');
  });

  it("sends a handler's typed error to the caller through BusExceptionFilter (Nest's own filter hides it)", async () => {
    const err = await bus.request(RpcSubjects.piiRedact, { requestId: 'over' }, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusRequestError);
    expect(err).toMatchObject({ code: ErrorCodes.budgetExceeded, retryable: false });
    const hidden = await bus.request(RpcSubjects.costReserve, {}, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(hidden).toMatchObject({ code: ErrorCodes.internal, retryable: false });
  });

  it('runs durable @EventPattern handlers per message (redelivered after a throw) and per batch', async () => {
    await bus.publish(EventSubjects.requestCompleted, { eventId: 'ok' }, { msgId: 'ok', headers: { 'x-request-id': 'c-2' } });
    await bus.publish(EventSubjects.requestCompleted, { eventId: 'flaky' }, { msgId: 'flaky' });
    await until(() => seen.events.some((e) => e.id === 'flaky' && e.count === 2));
    expect(seen.events).toContainEqual({ id: 'ok', count: 1, correlationId: 'c-2' });
    expect(seen.events.filter((e) => e.id === 'flaky').map((e) => e.count)).toEqual([1, 2]);
    await until(() => seen.batches.flat().length === 2);
    expect(seen.batches.flat()).toEqual(['ok', 'flaky']);
  });

  it('routes work subjects to a queue group and other events to broadcast subscribers', async () => {
    bus.send(WorkSubjects.cacheStore, { requestId: 'w1' });
    await bus.publish(EventSubjects.identityChanged, { keyId: 'k1' }, { msgId: 'k1' });
    await until(() => seen.work.length === 1 && seen.broadcast.length === 1);
    expect(seen).toMatchObject({ work: ['w1'], broadcast: ['k1'] });
  });

  it('removes its handlers on close, and leaves the bus open', async () => {
    expect((await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 })).valid).toBe(true);
    await app.close();
    const err = await bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCodes.busNoResponders });
    expect((await bus.health()).ok).toBe(true);
  });
});
