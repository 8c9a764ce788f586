import { describe, expect, it } from 'vitest';
import { CacheStatus } from '@helix/contracts';
import { PriceBook, parseOverrides } from '@helix/cost';
import type { CostConfig } from '@helix/config';
import type { ChatCompletionChunk } from '@helix/providers';
import type { Answer, StreamAnswer } from '../pipeline/answer.js';
import { RequestState } from '../pipeline/request-state.js';
import { CostStep } from './cost.step.js';

const book = new PriceBook(new Map(), parseOverrides([{ model: 'm', inputPerMTok: 1, outputPerMTok: 2 }]).prices);
const config = { promptCache: { teams: [], minPrefixChars: 0 } } as unknown as CostConfig;
const step = () => new CostStep(() => book, () => config);

function state(body: Record<string, unknown> = {}) {
  const s = new RequestState('chat.completions', 'c', { model: 'm', messages: [{ role: 'user', content: 'hello there' }], ...body }, {});
  return s;
}

const usage = { prompt_tokens: 1_000, completion_tokens: 500, total_tokens: 1_500 };
const chunk = (over: Partial<ChatCompletionChunk>): ChatCompletionChunk => ({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], ...over });
const text = (content: string) => chunk({ choices: [{ index: 0, delta: { content }, finish_reason: null }] });

async function drain(a: Answer): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = [];
  for await (const c of (a as StreamAnswer).chunks) out.push(c);
  return out;
}

const stream = (chunks: ChatCompletionChunk[]): StreamAnswer => ({ kind: 'stream', status: 200, chunks: (async function* () { yield* chunks; })() });

describe('CostStep', () => {
  it('prices a JSON answer from the provider usage, exactly, in x-helix-cost', () => {
    const s = state();
    const st = step();
    st.before(s);
    s.usage = { inputTokens: 1_000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
    st.transform({ kind: 'json', status: 200, body: { choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }] } }, s);
    expect(s.costPicoUsd).toBe(1_000n * 1_000_000n + 500n * 2_000_000n);
    expect(s.responseHeaders).toMatchObject({ 'x-helix-cost': '0.002', 'x-helix-cost-status': 'exact' });
    expect(s.priceVersion).toBe('config:m@always');
  });

  it('counts tokens locally when the provider reported none, and says the cost is estimated', () => {
    const s = state();
    const st = step();
    st.before(s);
    st.transform({ kind: 'json', status: 200, body: { choices: [{ index: 0, message: { role: 'assistant', content: 'one two three' }, finish_reason: 'stop' }] } }, s);
    expect(s.usage).toMatchObject({ estimated: true });
    expect(s.usage!.inputTokens).toBeGreaterThan(0);
    expect(s.usage!.outputTokens).toBe(3);
    expect(s.responseHeaders['x-helix-cost-status']).toBe('estimated');
    expect(s.costEstimated).toBe(true);
  });

  it('puts usage.cost on the final chunk of a stream whose client asked for usage', async () => {
    const s = state({ stream: true, stream_options: { include_usage: true } });
    const st = step();
    st.before(s);
    const chunks = (async function* () {
      yield text('a');
      s.usage = { inputTokens: 1_000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
      yield chunk({ usage });
    })();
    const out = await drain(st.transform({ kind: 'stream', status: 200, chunks }, s));
    expect(out.at(-1)!.usage).toMatchObject({ cost: 0.002 });
    expect(s.costPicoUsd).toBe(2_000_000_000n);
  });

  it('prices a stream the client asked no usage of exactly, from the usage the gateway asked upstream for', async () => {
    const s = state({ stream: true });
    const st = step();
    st.before(s);
    const chunks = (async function* () {
      yield text('hello');
      s.usage = { inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
    })();
    const out = await drain(st.transform({ kind: 'stream', status: 200, chunks }, s));
    expect(out).toHaveLength(1);
    expect(s.costPicoUsd).toBe(10n * 1_000_000n + 20n * 2_000_000n);
    expect(s.costEstimated).toBe(false);
  });

  it('adds an estimated usage chunk with its cost when the provider sent no usage but the client asked for it', async () => {
    const s = state({ stream: true, stream_options: { include_usage: true } });
    const st = step();
    st.before(s);
    const out = await drain(st.transform(stream([text('one two')]), s));
    expect(out.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 2, estimated: true } });
    expect(out.at(-1)!.usage!.cost).toBeGreaterThan(0);
  });

  it('charges a stream cut short by the client for what was generated until then', async () => {
    const s = state({ stream: true });
    const st = step();
    st.before(s);
    const answer = st.transform(stream([text('one two three'), text(' four five')]), s) as StreamAnswer;
    const it = answer.chunks[Symbol.asyncIterator]();
    await it.next();
    await it.return?.();
    st.after(s);
    expect(s.usage).toMatchObject({ outputTokens: 3, estimated: true });
    expect(s.costPicoUsd).toBe(BigInt(s.usage!.inputTokens) * 1_000_000n + 3n * 2_000_000n);
  });

  it('a cache hit costs 0 and records what it saved', () => {
    const s = state();
    const st = step();
    st.before(s);
    s.cache.status = CacheStatus.HIT_EXACT;
    s.usage = { inputTokens: 1_000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
    st.transform({ kind: 'json', status: 200, body: { choices: [] } }, s);
    expect(s.costPicoUsd).toBe(0n);
    expect(s.savedPicoUsd).toBe(2_000_000_000n);
    expect(s.responseHeaders).toMatchObject({ 'x-helix-cost': '0', 'x-helix-cost-saved': '0.002' });
  });

  it('estimates an embeddings request without usage from its input', () => {
    const s = new RequestState('embeddings', 'c', { model: 'm', input: 'one two three' } as never, {});
    const st = step();
    st.before(s);
    st.transform({ kind: 'json', status: 200, body: { object: 'list', data: [] } }, s);
    expect(s.usage).toMatchObject({ inputTokens: 3, outputTokens: 0, estimated: true });
    expect(s.costPicoUsd).toBe(3_000_000n);
  });

  it('a model without a price is unpriced, with its tokens, never $0', () => {
    const s = new RequestState('chat.completions', 'c', { model: 'nobody-prices-me', messages: [{ role: 'user', content: 'x' }] }, {});
    const st = step();
    st.before(s);
    s.usage = { inputTokens: 5, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
    st.transform({ kind: 'json', status: 200, body: { choices: [] } }, s);
    expect(s.unpriced).toBe(true);
    expect(s.responseHeaders).toEqual({ 'x-helix-cost-status': 'unpriced' });
  });
});
