import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSubjects, PiiDetectedSchema, type PiiRedactReply, type PiiAnalyzeReply, PiiDirection, PiiRedactRequestSchema, RpcSubjects, type PiiDetected } from '@helix/contracts';
import { until } from '../../support/wait.js';
import { rawValuesIn } from './support/raw-values.js';
import { startPiiService } from './support/pii-service.js';

const tenant = (teamId: string) => ({ orgId: 'org-1', teamId, userId: 'u-1', keyId: 'k-1' });
const EMAIL = 'grace.hopper@navy.example.org';
const CARD = '4111 1111 1111 1111';
const SSN = '536-22-8726';

describe('pii-service over NATS', () => {
  let ctx: Awaited<ReturnType<typeof startPiiService>>;
  const events: PiiDetected[] = [];

  beforeAll(async () => {
    ctx = await startPiiService({
      pii: {
        policies: [{ org: 'org-1', team: 'strict', operators: [{ entity: 'US_SSN', operator: 'block' }] }],
        defaultPolicy: { operators: [{ entity: 'CREDIT_CARD', operator: 'mask', keepLast: 4 }] },
      },
    });
    await ctx.client.subscribe(EventSubjects.piiDetected, (e) => void events.push(e));
  });
  afterAll(async () => ctx?.close());

  const redact = (segments: { path: string; text: string }[], teamId = 'default', extra: Partial<MessageInitShape<typeof PiiRedactRequestSchema>> = {}): Promise<PiiRedactReply> =>
    ctx.client.request(RpcSubjects.piiRedact, { requestId: `r-${teamId}-${segments.length}`, tenant: tenant(teamId), segments, direction: PiiDirection.INPUT, ...extra }, { timeoutMs: 5_000 });

  it('redacts every segment with consistent placeholders and returns what restores them', async () => {
    const reply = await redact([
      { path: 'messages.0.content', text: `Mail ${EMAIL} about card ${CARD}.` },
      { path: 'messages.1.content', text: `Again: ${EMAIL}` },
    ]);
    expect(reply.blocked).toBe(false);
    expect(reply.segments.map((s) => s.text)).toEqual(['Mail <EMAIL_ADDRESS_1> about card ***************1111.', 'Again: <EMAIL_ADDRESS_1>']);
    expect(reply.replacements.map((r) => [r.placeholder, r.original])).toEqual([['<EMAIL_ADDRESS_1>', EMAIL]]);
    expect(reply.restore).toBe(true);
  });

  it('numbers new values in an answer after the known ones (direction OUTPUT)', async () => {
    const reply = await redact([{ path: 'output.0', text: 'Write to <EMAIL_ADDRESS_1> or alan@bletchley.example.org' }], 'default', {
      direction: PiiDirection.OUTPUT,
      known: [{ placeholder: '<EMAIL_ADDRESS_1>', original: EMAIL }],
    });
    expect(reply.segments[0]!.text).toBe('Write to <EMAIL_ADDRESS_1> or <EMAIL_ADDRESS_2>');
    expect(reply.replacements.map((r) => r.placeholder)).toEqual(['<EMAIL_ADDRESS_2>']);
  });

  it("blocks under a team's block policy, naming the type and not the value", async () => {
    const reply = await redact([{ path: 'messages.0.content', text: `my ssn is ${SSN}` }], 'strict');
    expect(reply).toMatchObject({ blocked: true, blockedEntities: ['US_SSN'], segments: [], replacements: [] });
    expect(JSON.stringify(reply.blockedEntities)).not.toContain(SSN);
    const open = await redact([{ path: 'messages.0.content', text: `my ssn is ${SSN}` }], 'other-team');
    expect(open.blocked).toBe(false);
  });

  it('serves Presidio-style analyze and anonymize', async () => {
    const text = `Reach me at ${EMAIL}`;
    const analyzed: PiiAnalyzeReply = await ctx.client.request(RpcSubjects.piiAnalyze, { text, language: 'en', entities: ['EMAIL_ADDRESS'] }, { timeoutMs: 5_000 });
    expect(analyzed.results.map((r) => [r.entityType, r.start, r.end])).toEqual([['EMAIL_ADDRESS', 12, 12 + EMAIL.length]]);
    const anonymized = await ctx.client.request(
      RpcSubjects.piiAnonymize,
      { text, analyzerResults: analyzed.results, anonymizers: { DEFAULT: { type: 'mask', maskingChar: '#', charsToMask: 5, fromEnd: true } } },
      { timeoutMs: 5_000 },
    );
    expect(anonymized.text).toBe(`Reach me at ${EMAIL.slice(0, -5)}#####`);
    await expect(ctx.client.request(RpcSubjects.piiAnonymize, { text, analyzerResults: [{ entityType: 'X', start: 5, end: 500, score: 1 }] }, { timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'invalid_request_error',
    });
  });

  it('audits detections with types, counts and offsets, and no raw value in any encoding (positive control: the request carries them)', async () => {
    const values = [EMAIL, CARD, 'navy.example.org'];
    const segments = [{ path: 'messages.0.content', text: `canary ${EMAIL} ${CARD}` }];
    await redact(segments, 'audit');
    await until(() => events.some((e) => e.tenant?.teamId === 'audit'), 'the audit event', 5_000);
    const event = events.find((e) => e.tenant?.teamId === 'audit')!;
    expect(event.findings.map((f) => [f.entityType, f.start, f.end, f.operator])).toEqual([
      ['EMAIL_ADDRESS', 7, 7 + EMAIL.length, 'replace'],
      ['CREDIT_CARD', 8 + EMAIL.length, 8 + EMAIL.length + CARD.length, 'mask'],
    ]);
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    const wire = toBinary(PiiDetectedSchema, event);
    expect(rawValuesIn(wire, values)).toEqual([]);
    expect(rawValuesIn(JSON.stringify(event, (_, v) => (typeof v === 'bigint' ? String(v) : v)), values)).toEqual([]);
    const request = toBinary(PiiRedactRequestSchema, create(PiiRedactRequestSchema, { segments }));
    expect(rawValuesIn(request, values)).toEqual(values);
    expect(rawValuesIn(Buffer.from(Buffer.from(EMAIL).toString('base64')), values)).toEqual([EMAIL]);
  });
});
