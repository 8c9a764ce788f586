import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { create, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { RequestCompletedSchema, type RequestCompleted } from '@helix/contracts';
import { encodeRequestCompleted } from './request-completed.encoder.js';

const text = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 200 }));
const u32 = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 }), fc.nat({ max: 0xffffffff }));
const i64 = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 53n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
const f32 = fc.oneof(fc.constant(0), fc.constant(-0), fc.float());
const tenant = fc.record({ orgId: text, teamId: text, userId: text, keyId: text });
const attempt = fc.record({ deployment: text, provider: text, model: text, httpStatus: u32, errorType: text, durationMs: u32 });
const usage = fc.record({ inputTokens: u32, outputTokens: u32, cacheReadTokens: u32, cacheWriteTokens: u32, reasoningTokens: u32, estimated: fc.boolean() });
const entity = fc.record({ entityType: text, count: u32, operator: text });
const budget = fc.record({ reservationId: text, reservedPicoUsd: i64, capped: fc.boolean() });

const event = fc.record({
  eventId: text,
  correlationId: text,
  startedAtMs: i64,
  completedAtMs: i64,
  tenant: fc.option(tenant, { nil: undefined }),
  endpoint: text,
  outcome: fc.integer({ min: 0, max: 5 }),
  httpStatus: u32,
  errorType: text,
  errorCode: text,
  requestedModel: text,
  servedModel: text,
  provider: text,
  deployment: text,
  attempts: fc.array(attempt, { maxLength: 3 }),
  stream: fc.boolean(),
  usage: fc.option(usage, { nil: undefined }),
  costPicoUsd: i64,
  savedPicoUsd: i64,
  costEstimated: fc.boolean(),
  unpriced: fc.boolean(),
  priceVersion: text,
  cacheStatus: fc.integer({ min: 0, max: 4 }),
  cacheSimilarity: f32,
  cacheVerdict: text,
  pii: fc.array(entity, { maxLength: 3 }),
  piiBlocked: fc.boolean(),
  budget: fc.option(budget, { nil: undefined }),
  swappedFromModel: text,
  durationMs: u32,
  ttfbMs: u32,
  droppedParams: fc.array(text, { maxLength: 3 }),
});

/** A typical event with every field of the message and of its nested messages set. */
const full = create(RequestCompletedSchema, {
  eventId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  correlationId: 'req-1',
  startedAtMs: 1_764_000_000_000n,
  completedAtMs: 1_764_000_000_420n,
  tenant: { orgId: 'org', teamId: 'team', userId: 'user', keyId: 'key' },
  endpoint: 'chat.completions',
  outcome: 1,
  httpStatus: 200,
  errorType: 'upstream_error',
  errorCode: 'timeout',
  requestedModel: 'gpt-4o',
  servedModel: 'gpt-4o-2024-08-06',
  provider: 'openai',
  deployment: 'openai/gpt-4o',
  attempts: [{ deployment: 'a', provider: 'openai', model: 'gpt-4o', httpStatus: 500, errorType: 'server_error', durationMs: 300 }],
  stream: true,
  usage: { inputTokens: 12, outputTokens: 300, cacheReadTokens: 4, cacheWriteTokens: 2, reasoningTokens: 9, estimated: true },
  costPicoUsd: 123_456_789n,
  savedPicoUsd: 5n,
  costEstimated: true,
  unpriced: true,
  priceVersion: '2026-11-01',
  cacheStatus: 2,
  cacheSimilarity: 0.93,
  cacheVerdict: 'same intent',
  pii: [{ entityType: 'EMAIL_ADDRESS', count: 2, operator: 'replace' }],
  piiBlocked: true,
  budget: { reservationId: 'r-1', reservedPicoUsd: 9_000n, capped: true },
  swappedFromModel: 'gpt-4.1',
  durationMs: 420,
  ttfbMs: 80,
  droppedParams: ['seed', ''],
});

/** Field names of `schema` (and of the messages it holds) that `value` leaves at their zero value. */
function unset(schema: DescMessage, value: Record<string, unknown>, path = ''): string[] {
  const out: string[] = [];
  for (const f of schema.fields) {
    const v = value[f.localName];
    const name = `${path}${f.localName}`;
    if (f.fieldKind === 'message') {
      if (!v) out.push(name);
      else out.push(...unset(f.message, v as Record<string, unknown>, `${name}.`));
    } else if (f.fieldKind === 'list') {
      const list = v as unknown[];
      if (!list.length) out.push(name);
      else if (f.listKind === 'message') out.push(...unset(f.message, list[0] as Record<string, unknown>, `${name}[0].`));
    } else if (f.fieldKind === 'map' || !v) out.push(name);
  }
  return out;
}

describe('encodeRequestCompleted', () => {
  it('writes the bytes of toBinary for any event', () => {
    fc.assert(
      fc.property(event, (init) => {
        const e = create(RequestCompletedSchema, init);
        expect(Buffer.from(encodeRequestCompleted(e)).equals(Buffer.from(toBinary(RequestCompletedSchema, e)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('covers every field of the proto: the fixture sets them all, and its bytes match', () => {
    expect(unset(RequestCompletedSchema, full as unknown as Record<string, unknown>)).toEqual([]);
    expect(Buffer.from(encodeRequestCompleted(full)).equals(Buffer.from(toBinary(RequestCompletedSchema, full)))).toBe(true);
  });

  it('controls: the coverage check names a field left at zero, and the byte check sees one field differ', () => {
    const e: RequestCompleted = { ...full, usage: { ...full.usage!, reasoningTokens: 0 } };
    expect(unset(RequestCompletedSchema, e as unknown as Record<string, unknown>)).toEqual(['usage.reasoningTokens']);
    const other = Buffer.from(encodeRequestCompleted({ ...full, ttfbMs: 81 }));
    expect(other.equals(Buffer.from(toBinary(RequestCompletedSchema, full)))).toBe(false);
  });

  it('writes a float of -0 and of NaN, skips +0, as toBinary does', () => {
    for (const cacheSimilarity of [-0, Number.NaN, 0]) {
      const e = create(RequestCompletedSchema, { cacheSimilarity });
      expect(Buffer.from(encodeRequestCompleted(e)).equals(Buffer.from(toBinary(RequestCompletedSchema, e)))).toBe(true);
    }
    expect(encodeRequestCompleted(create(RequestCompletedSchema, { cacheSimilarity: -0 })).length).toBe(6);
  });

  it('lengths of nested messages of 128 bytes and more take two bytes', () => {
    const e = create(RequestCompletedSchema, { tenant: { orgId: 'o'.repeat(200) }, attempts: [{ deployment: 'é'.repeat(100) }] });
    expect(Buffer.from(encodeRequestCompleted(e)).equals(Buffer.from(toBinary(RequestCompletedSchema, e)))).toBe(true);
  });
});
