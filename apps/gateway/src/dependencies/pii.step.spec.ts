import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { ConfigStore, type PipelineStepConfig } from '@helix/config';
import { ErrorCodes, HelixError, PiiRedactReplySchema, PiiRedactRequestSchema } from '@helix/contracts';
import { createPiiEngine, RedactUseCase } from '@helix/pii';
import type { ChatChunkChoice, ChatCompletionChunk } from '@helix/providers';
import type { StreamAnswer } from '../pipeline/answer.js';
import { RequestState } from '../pipeline/request-state.js';
import { PiiStep } from './pii.step.js';
import { CHARS_PER_MS_FLOOR, sizedTimeoutMs } from './sized-timeout.js';
import type { PiiPort } from './ports.js';

const EMAIL = 'ada.lovelace@example.org';
const NEW_EMAIL = 'charles.babbage@example.net';
const SSN = '536-22-8726';
const step = () => ({ enabled: true, timeoutMs: 100, failOpen: false, failOpenTeams: [] }) as PipelineStepConfig;
const identity = { keyId: 'k', userId: 'u', teamId: 'team-a', orgId: 'org-a', role: 'member', models: null, expiresAt: null, keyLimits: {}, teamLimits: {}, master: false } as const;

/** The real redact use case behind the port, as the pii-service runs it (no bus). */
function setup(scanOutput: boolean) {
  const store = new ConfigStore({
    env: {},
    overrides: { pii: { defaultPolicy: { scanOutput }, policies: [{ org: 'org-a', team: 'strict', operators: [{ entity: 'US_SSN', operator: 'block' }] }] } },
  });
  const engine = createPiiEngine(store.current.pii);
  const redact = new RedactUseCase(() => engine, { publish: () => undefined });
  const calls: string[][] = [];
  const port: PiiPort = {
    redact: async (req) => {
      calls.push((req.segments ?? []).map((s) => s.text ?? ''));
      return create(PiiRedactReplySchema, redact.execute(create(PiiRedactRequestSchema, req)));
    },
  };
  return { step: new PiiStep(port, step), calls };
}

function request(content: string, teamId = 'team-a', stream = true) {
  const state = new RequestState('chat.completions', 'corr', { model: 'm', stream, messages: [{ role: 'user', content }] }, {});
  state.identity = { ...identity, teamId };
  state.upstreamBody = {};
  return state;
}

const chunk = (delta: ChatChunkChoice['delta'], finish: string | null = null): ChatCompletionChunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

async function* upstream(chunks: ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  for (const c of chunks) yield c;
}

async function run(s: PiiStep, state: RequestState, chunks: ChatCompletionChunk[]) {
  const answer = (await s.transform({ kind: 'stream', status: 200, chunks: upstream(chunks) }, state)) as StreamAnswer;
  const out: ChatCompletionChunk[] = [];
  for await (const c of answer.chunks) out.push(structuredClone(c));
  const content = out.map((c) => c.choices[0]?.delta.content ?? '').join('');
  const args = out.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).map((t) => t.function?.arguments ?? '').join('');
  return { out, content, args };
}

/** Splits `text` into pieces of `size` characters, so values and placeholders straddle chunks. */
const pieces = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('PiiStep', () => {
  it('gives the redact call its configured timeout plus time for the size of the text', async () => {
    expect(sizedTimeoutMs(100, 5)).toBe(101);
    expect(sizedTimeoutMs(100, 4_000_000)).toBe(100 + 4_000_000 / CHARS_PER_MS_FLOOR);
    const timeouts: number[] = [];
    const port: PiiPort = { redact: async (req, timeoutMs) => (timeouts.push(timeoutMs), create(PiiRedactReplySchema, { segments: req.segments })) };
    await new PiiStep(port, step).before(request('x'.repeat(1_000_000), 'team-a', false));
    expect(timeouts).toEqual([100 + 1_000_000 / CHARS_PER_MS_FLOOR]);
  });

  it('sends only placeholders upstream and keeps what restores them', async () => {
    const { step: s, calls } = setup(false);
    const state = request(`Please mail ${EMAIL} today.`);
    await s.before(state);
    expect(state.body.messages[0]!.content).toBe('Please mail <EMAIL_ADDRESS_1> today.');
    expect(calls[0]).toEqual([`Please mail ${EMAIL} today.`]);
    expect(state.pii?.replacements.map((r) => [r.placeholder, r.original])).toEqual([['<EMAIL_ADDRESS_1>', EMAIL]]);
  });

  it('refuses a blocked type with a 400 pii_blocked that names the type, never the value', async () => {
    const { step: s } = setup(false);
    const err = (await s.before(request(`my ssn is ${SSN}`, 'strict')).catch((e: unknown) => e)) as HelixError;
    expect(err).toBeInstanceOf(HelixError);
    expect(err).toMatchObject({ status: 400, code: ErrorCodes.piiBlocked });
    expect(err.message).toContain('US_SSN');
    expect(err.message).not.toContain(SSN);
    await expect(s.before(request(`my ssn is ${SSN}`))).resolves.toBeUndefined();
  });

  it('scans a streamed answer per sentence: new personal data is redacted in every chunk and in the cache copy, the prompt values come back', async () => {
    const { step: s } = setup(true);
    const state = request(`Write to ${EMAIL}.`);
    await s.before(state);
    const answer = `Mock answer: I wrote to <EMAIL_ADDRESS_1>. Also copy ${NEW_EMAIL} please.\nDone`;
    const { out, content } = await run(s, state, [...pieces(answer, 7).map((p) => chunk({ content: p })), chunk({}, 'stop')]);
    expect(content).toBe(`Mock answer: I wrote to ${EMAIL}. Also copy <EMAIL_ADDRESS_2> please.\nDone`);
    expect(out.some((c) => JSON.stringify(c).includes(NEW_EMAIL))).toBe(false);
    const cached = JSON.stringify(state.upstreamBody);
    expect(cached).toContain('<EMAIL_ADDRESS_2>');
    expect(cached).not.toContain(NEW_EMAIL);
    expect(cached).not.toContain(EMAIL);
  });

  it('without output scanning the same stream passes new personal data through (the control), still restoring the prompt values', async () => {
    const { step: s } = setup(false);
    const state = request(`Write to ${EMAIL}.`);
    await s.before(state);
    const answer = `I wrote to <EMAIL_ADDRESS_1>. Also copy ${NEW_EMAIL} please.`;
    const { content } = await run(s, state, [...pieces(answer, 5).map((p) => chunk({ content: p })), chunk({}, 'stop')]);
    expect(content).toBe(`I wrote to ${EMAIL}. Also copy ${NEW_EMAIL} please.`);
  });

  it('scans streamed tool-call arguments whole, at the finish, then restores the prompt values in them', async () => {
    const { step: s } = setup(true);
    const state = request(`Mail ${EMAIL} the report.`);
    await s.before(state);
    const args = JSON.stringify({ to: '<EMAIL_ADDRESS_1>', cc: NEW_EMAIL, note: 'weekly report' });
    const first = chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'send_mail', arguments: '' } }] });
    const parts = pieces(args, 6).map((p) => chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] }));
    const { out, args: sent } = await run(s, state, [first, ...parts, chunk({}, 'tool_calls')]);
    expect(JSON.parse(sent)).toEqual({ to: EMAIL, cc: '<EMAIL_ADDRESS_2>', note: 'weekly report' });
    expect(out[0]!.choices[0]!.delta.tool_calls?.[0]).toMatchObject({ id: 'call_1', function: { name: 'send_mail' } });
    expect(out.some((c) => JSON.stringify(c).includes(NEW_EMAIL))).toBe(false);
    expect(JSON.stringify(state.upstreamBody)).toContain('<EMAIL_ADDRESS_2>');
  });
});
