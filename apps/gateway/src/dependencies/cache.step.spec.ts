import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import type { CacheStepConfig } from '@helix/config';
import { CacheLookupReplySchema, CacheStatus, RequestOutcome, type CacheStore } from '@helix/contracts';
import type { ChatCompletionChunk } from '@helix/providers';
import type { StreamAnswer } from '../pipeline/answer.js';
import { RequestState } from '../pipeline/request-state.js';
import { CacheStep } from './cache.step.js';
import type { CachePort } from './ports.js';

const answer = { id: 'up-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' }] };

function world(reply = create(CacheLookupReplySchema, { status: CacheStatus.MISS })) {
  const stored: unknown[] = [];
  const looked: unknown[] = [];
  const port: CachePort = {
    lookup: async (req) => (looked.push(req), reply),
    store: (msg) => void stored.push(msg),
  };
  const step = new CacheStep(port, () => ({ enabled: true, timeoutMs: 50 }) as CacheStepConfig);
  return { step, stored, looked };
}

function state(headers: Record<string, string> = {}, body: Record<string, unknown> = {}) {
  const s = new RequestState('chat.completions', 'c', { model: 'm', messages: [{ role: 'user', content: 'What is the capital of France?' }], ...body }, headers);
  s.identity = { orgId: 'o', teamId: 't', userId: 'u', keyId: 'k' } as never;
  return s;
}

/** Runs the step around a provider answer, as the pipeline does. */
async function around(step: CacheStep, s: RequestState, body: Record<string, unknown> = answer) {
  const short = await step.before(s);
  if (!short) {
    s.upstreamBody = structuredClone(body);
    s.outcome = RequestOutcome.SUCCESS;
  }
  await step.after(s);
  return short;
}

describe('CacheStep', () => {
  it('looks up, and stores the answer of a miss after the response', async () => {
    const w = world();
    await around(w.step, state());
    expect(w.looked).toHaveLength(1);
    expect(w.stored).toHaveLength(1);
    expect((w.stored[0] as CacheStore).queryText).toBe('What is the capital of France?');
  });

  it('no-cache and refresh skip the lookup and still store; no-store (either header) does neither', async () => {
    for (const [headers, looks, stores] of [
      [{ 'x-helix-cache': 'no-cache' }, 0, 1],
      [{ 'x-helix-cache': 'refresh' }, 0, 1],
      [{ 'cache-control': 'no-cache' }, 0, 1],
      [{ 'x-helix-cache': 'no-store' }, 0, 0],
      [{ 'cache-control': 'private, no-store' }, 0, 0],
      [{}, 1, 1],
    ] as const) {
      const w = world();
      const s = state(headers);
      await around(w.step, s);
      expect([w.looked.length, w.stored.length, s.responseHeaders['x-helix-cache']]).toEqual([looks, stores, looks ? 'miss' : 'bypass']);
    }
  });

  it('never stores n > 1, an error, a refusal or a stream cut short', async () => {
    const many = world();
    await around(many.step, state({}, { n: 2 }));
    expect([many.looked.length, many.stored.length]).toEqual([0, 0]);
    const refusal = world();
    await around(refusal.step, state(), { ...answer, choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help.' }, finish_reason: 'stop' }] });
    const filtered = world();
    await around(filtered.step, state(), { ...answer, choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }] });
    const failed = world();
    const s = state();
    await failed.step.before(s);
    s.outcome = RequestOutcome.UPSTREAM_ERROR;
    await failed.step.after(s);
    expect([refusal.stored.length, filtered.stored.length, failed.stored.length]).toEqual([0, 0, 0]);

    const cut = world();
    const st = state({}, { stream: true });
    await cut.step.before(st);
    const chunk = (content: string, finish: string | null = null): ChatCompletionChunk => ({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
    const out = cut.step.transform({ kind: 'stream', status: 200, chunks: (async function* () { yield chunk('Par'); yield chunk('is.', 'stop'); })() }, st) as StreamAnswer;
    for await (const _ of out.chunks) void _;
    st.outcome = RequestOutcome.SUCCESS;
    await cut.step.after(st);
    expect(cut.stored).toHaveLength(0);
    st.streamComplete = true;
    await cut.step.after(st);
    expect(JSON.parse(Buffer.from((cut.stored[0] as CacheStore).body).toString()).choices[0].message.content).toBe('Paris.');
  });

  it('answers a hit with a fresh id and the cached usage, replayed as chunks to a stream, with the similarity header', async () => {
    const reply = create(CacheLookupReplySchema, { status: CacheStatus.HIT_SEMANTIC, similarity: 0.97, verdict: 'accepted', body: Buffer.from(JSON.stringify(answer)), servedModel: 'm-2024', usage: { inputTokens: 7, outputTokens: 2 } });
    const w = world(reply);
    const s = state({}, { stream: true, stream_options: { include_usage: true } });
    const hit = (await w.step.before(s)) as StreamAnswer;
    const chunks: ChatCompletionChunk[] = [];
    for await (const c of hit.chunks) chunks.push(c);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Paris.');
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
    expect(chunks[0]!.id).not.toBe('up-1');
    expect(s.responseHeaders).toMatchObject({ 'x-helix-cache': 'hit-semantic', 'x-helix-cache-similarity': '0.9700', 'x-helix-cache-verdict': 'accepted' });
    expect([s.servedModel, s.usage?.inputTokens]).toEqual(['m-2024', 7]);
    await w.step.after(s);
    expect(w.stored).toHaveLength(0);
  });
});
