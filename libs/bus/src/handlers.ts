import { BusHeaders, ErrorCodes } from '@helix/contracts';
import type { BusContext } from './bus.port.js';
import type { BusPropagator, OutgoingCall } from './bus-context.js';
import { BusRequestError, toBusError } from './bus-error.js';
import type { BusLogger, BusMetrics } from './bus.options.js';
import { decode, decodeBusError, encode, encodeBusError, headersWireSize, schemaFor } from './codec.js';

/** What the handler side of both adapters shares. */
export interface HandlerDeps {
  propagator: BusPropagator;
  logger: BusLogger;
  metrics?: BusMetrics;
}

/** The reply to send for one request; `error` means the body is a BusError. */
export interface WireReply {
  data: Uint8Array;
  error: boolean;
}

export function busContextOf(subject: string, headers: Record<string, string>, deliveryCount = 1): BusContext {
  return { subject, headers, correlationId: headers[BusHeaders.correlationId], deliveryCount };
}

/** Headers of an outgoing message: the caller's, plus the current context where the caller set none. */
export function outgoingHeaders(own: Record<string, string> | undefined, propagator: BusPropagator): Record<string, string> {
  const headers = own ? { ...own } : {};
  propagator.inject(headers);
  return headers;
}

/** Runs an outgoing call inside the propagator's client span, when it has one. */
export function outgoingCall<T>(propagator: BusPropagator, call: OutgoingCall, fn: () => T): T {
  return propagator.outgoing ? propagator.outgoing(call, fn) : fn();
}

/** Throws `payload_too_large` when data and headers exceed the bus limit, as NATS would refuse them. */
export function checkSize(subject: string, data: Uint8Array, headers: Record<string, string> | undefined, max: number): void {
  const size = data.length + headersWireSize(headers);
  if (size > max) throw BusRequestError.payloadTooLarge(subject, size, max);
}

/** Responder side: decode, run the handler in the caller's context, encode the reply or the mapped error. */
export async function answerRequest(
  subject: string,
  data: Uint8Array,
  headers: Record<string, string>,
  handler: (msg: any, ctx: BusContext) => Promise<unknown>,
  deps: HandlerDeps,
  maxPayload: number,
): Promise<WireReply> {
  const started = performance.now();
  let reply: WireReply;
  try {
    const msg = decode(schemaFor(subject, 'request'), data);
    const out = await deps.propagator.extract(headers, () => handler(msg, busContextOf(subject, headers)), { subject, kind: 'respond' });
    reply = { data: encode(schemaFor(subject, 'reply'), out), error: false };
    checkSize(subject, reply.data, undefined, maxPayload);
  } catch (err) {
    reply = { data: encodeBusError(toBusError(err, deps.logger)), error: true };
  }
  deps.metrics?.observeHandler?.(subject, reply.error ? 'error' : 'ok', (performance.now() - started) / 1e3);
  return reply;
}

/** Caller side: the reply message, or the responder's error as a BusRequestError. */
export function readReply(subject: string, data: Uint8Array, isError: boolean): any {
  if (isError) throw BusRequestError.fromWire(decodeBusError(data));
  return decode(schemaFor(subject, 'reply'), data);
}

/** Handler side of `onWork` and `subscribe`: decode and run in context; failures are logged, not returned. */
export async function deliverMessage(
  subject: string,
  data: Uint8Array,
  headers: Record<string, string>,
  handler: (msg: any, ctx: BusContext) => void | Promise<void>,
  deps: HandlerDeps,
): Promise<void> {
  const started = performance.now();
  let outcome = 'ok';
  try {
    const msg = decode(schemaFor(subject, 'message'), data);
    await deps.propagator.extract(headers, () => handler(msg, busContextOf(subject, headers)), { subject, kind: 'deliver' });
  } catch (err) {
    outcome = err instanceof BusRequestError ? err.code : ErrorCodes.internal;
    deps.logger.error({ err, subject }, 'bus message handler failed');
  }
  deps.metrics?.observeHandler?.(subject, outcome, (performance.now() - started) / 1e3);
}

/** Tracks handlers in flight so `drain` can wait for them. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/** Bytes JetStream's `Nats-Msg-Id` header adds to a published message. */
export function publishOverhead(msgId: string): number {
  return 'Nats-Msg-Id: \r\n'.length + msgId.length;
}

/** Runs `fn` and reports its duration with outcome `ok` or the error's code. */
export async function observed<T>(
  observe: ((subject: string, outcome: string, seconds: number) => void) | undefined,
  subject: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (!observe) return fn();
  const started = performance.now();
  let outcome = 'ok';
  try {
    return await fn();
  } catch (err) {
    outcome = (err as { code?: unknown }).code === undefined ? 'error' : String((err as { code: unknown }).code);
    throw err;
  } finally {
    observe(subject, outcome, (performance.now() - started) / 1e3);
  }
}
