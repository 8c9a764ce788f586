import { describe, expect, it } from 'vitest';
import { HelixError } from '@helix/contracts';
import type { ChatCompletionChunk, UpstreamTransport } from '@helix/providers';
import type { RoutedDeployment } from '../models/model-catalog.js';
import { RequestState } from '../pipeline/request-state.js';
import { chatAttempt } from './chat-attempt.js';

const unusedHttp = {} as UpstreamTransport;
const dep = (headers: Record<string, string> = {}): RoutedDeployment => ({ id: 'mock-dep', configId: 'mock-dep', provider: 'mock', model: 'mock-gpt', baseUrl: '', timeoutMs: 5_000, headers });
const state = (stream: boolean) => new RequestState('chat.completions', 'c', { model: 'm', stream, messages: [{ role: 'user', content: 'tell me a long story please' }] }, {});

function attempt(s: RequestState, headers: Record<string, string> = {}) {
  const done: unknown[] = [];
  const run = chatAttempt(unusedHttp, s)(dep(headers), { timeoutMs: 5_000, done: (err) => done.push(err ?? 'ok') });
  return { run, done };
}

async function drain(chunks: AsyncIterable<ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const c of chunks) text += c.choices[0]?.delta.content ?? '';
  return text;
}

describe('chatAttempt', () => {
  it('serves a stream once its first chunk arrived, and reports its end once', async () => {
    const s = state(true);
    const { run, done } = attempt(s, { 'x-mock-chunks': '4' });
    const answer = await run;
    expect(answer.kind).toBe('stream');
    expect(s.responseHeaders['x-helix-deployment']).toBe('mock-dep');
    expect(s.attempts).toMatchObject([{ deployment: 'mock-dep', httpStatus: 200, errorType: '' }]);
    expect(done).toEqual([]);
    expect(await drain((answer as { chunks: AsyncIterable<ChatCompletionChunk> }).chunks)).toBe('Mock answer to: tell me a long story please');
    expect(done).toEqual(['ok']);
  });

  it('rejects (so the router can try elsewhere) when the stream breaks before its first chunk', async () => {
    const s = state(true);
    const { run, done } = attempt(s, { 'x-mock-cut-after-chunks': '0' });
    await expect(run).rejects.toMatchObject({ retryable: true });
    expect(s.deployment).toBeUndefined();
    expect(s.responseHeaders['x-helix-deployment']).toBeUndefined();
    expect(s.attempts[0]!.errorType).not.toBe('');
    expect(done).toEqual([]);
  });

  it('after the first chunk, a break ends the stream with the error and tells the router', async () => {
    const s = state(true);
    const { run, done } = attempt(s, { 'x-mock-cut-after-chunks': '3', 'x-mock-chunks': '8' });
    const answer = await run;
    await expect(drain((answer as { chunks: AsyncIterable<ChatCompletionChunk> }).chunks)).rejects.toBeInstanceOf(HelixError);
    expect(done).toHaveLength(1);
    expect(done[0]).toBeInstanceOf(HelixError);
    expect(s.attempts[0]!.errorType).not.toBe('');
  });

  it('maps an upstream 429 to a retryable error that keeps Retry-After', async () => {
    const s = state(false);
    const { run } = attempt(s, { 'x-mock-status': '429', 'x-mock-retry-after': '3' });
    await expect(run).rejects.toMatchObject({ status: 429, retryable: true, headers: { 'retry-after': '3' } });
    expect(s.attempts).toMatchObject([{ httpStatus: 429 }]);
  });
});
