import { describe, expect, it } from 'vitest';
import { UpstreamStreamError } from '../openai-compatible/stream.mapper.js';
import type { ChatRequest } from '../openai.types.js';
import type { Deployment } from '../provider.js';
import { geminiProvider } from './gemini.provider.js';

const dep: Deployment = { id: 'g', provider: 'gemini', model: 'models/gemini-2.5-pro', baseUrl: '', apiKey: 'AIza-k', timeoutMs: 1000 };
const map = (req: Partial<ChatRequest>, d: Deployment = dep) => {
  const out = geminiProvider.chatRequest({ model: 'x', messages: [{ role: 'user', content: 'hi' }], ...req }, d, { stream: true, includeUsage: true });
  return { body: JSON.parse(out.request.body!), dropped: out.dropped, url: out.request.url };
};
const frame = (o: unknown) => ({ data: JSON.stringify(o) });

describe('geminiProvider request mapping', () => {
  it('streams from the default endpoint, n → candidateCount, deployment generationConfig under the client’s', () => {
    const out = map({ n: 3, temperature: 0.1, parallel_tool_calls: false }, { ...dep, options: { generationConfig: { temperature: 1, thinkingConfig: { thinkingBudget: 0 } } } });
    expect(out.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
    expect(out.body.generationConfig).toEqual({ temperature: 0.1, thinkingConfig: { thinkingBudget: 0 }, candidateCount: 3 });
    expect(out.dropped).toEqual(['parallel_tool_calls']);
  });

  it('sends image URLs with a known extension as fileData, and refuses others and unnamed tool results', () => {
    const img = (url: string) => map({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });
    expect(img('gs://bucket/cat.JPG?x=1').body.contents[0].parts[0]).toEqual({ fileData: { mimeType: 'image/jpeg', fileUri: 'gs://bucket/cat.JPG?x=1' } });
    expect(() => img('https://example.test/image')).toThrow(expect.objectContaining({ status: 400, param: 'messages[0].content[0]' }));
    expect(() => map({ messages: [{ role: 'tool', tool_call_id: 'unknown', content: 'x' }] })).toThrow(expect.objectContaining({ param: 'messages[0].tool_call_id' }));
    const named = map({ messages: [{ role: 'tool', tool_call_id: 'unknown', name: 'f', content: 'plain' }] });
    expect(named.body.contents[0].parts[0]).toEqual({ functionResponse: { name: 'f', response: { content: 'plain' } } });
  });

  it('maps tool_choice none and required, json_object to a MIME type, and audio inline', () => {
    const tools = [{ type: 'function', function: { name: 'f' } }];
    expect(map({ tools, tool_choice: 'none' }).body.toolConfig).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(map({ tools, tool_choice: 'required' }).body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(map({ tools }).body.tools[0].functionDeclarations[0]).toEqual({ name: 'f', parametersJsonSchema: { type: 'object', properties: {} } });
    expect(map({ response_format: { type: 'json_object' } }).body.generationConfig).toEqual({ responseMimeType: 'application/json' });
    const audio = map({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA', format: 'wav' } }] }] });
    expect(audio.body.contents[0].parts[0]).toEqual({ inlineData: { mimeType: 'audio/wav', data: 'AA' } });
  });
});

describe('geminiProvider stream mapping', () => {
  it('is done only when every candidate has finished', () => {
    const m = geminiProvider.chatStream(dep);
    const a = m.map(frame({ candidates: [{ index: 0, content: { parts: [{ text: 'A' }] } }, { index: 1, content: { parts: [{ text: 'B' }] }, finishReason: 'STOP' }] }));
    expect(a.done).toBeUndefined();
    expect(a.chunks.map((c) => [c.choices[0].index, c.choices[0].delta, c.choices[0].finish_reason])).toEqual([
      [0, { role: 'assistant', content: '' }, null],
      [0, { content: 'A' }, null],
      [1, { role: 'assistant', content: '' }, null],
      [1, { content: 'B' }, null],
      [1, {}, 'stop'],
    ]);
    const b = m.map(frame({ candidates: [{ index: 0, content: { parts: [{ text: 'thinking', thought: true }] }, finishReason: 'MAX_TOKENS' }], usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2 } }));
    expect(b.chunks[0].choices[0].delta).toEqual({ reasoning_content: 'thinking' });
    expect(b.chunks[1].choices[0].finish_reason).toBe('length');
    expect(b).toMatchObject({ done: true, usage: { inputTokens: 4, outputTokens: 2 } });
  });

  it('ends a blocked prompt with content_filter, and throws on an error event', () => {
    const blocked = geminiProvider.chatStream(dep).map(frame({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 9 } }));
    expect(blocked.chunks.map((c) => c.choices[0]?.finish_reason ?? null)).toEqual([null, 'content_filter', null]);
    expect(blocked).toMatchObject({ done: true, usage: { inputTokens: 9 } });
    const failing = () => geminiProvider.chatStream(dep).map(frame({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }));
    expect(failing).toThrow(UpstreamStreamError);
    expect(failing).toThrow(/overloaded/);
  });

  it('maps a blocked prompt without candidates in a plain response to one content_filter choice', () => {
    const out = geminiProvider.chatResponse({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 5 } }, dep);
    expect(out.body.choices).toEqual([{ index: 0, message: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: 'content_filter' }]);
    expect(() => geminiProvider.chatResponse({ nope: 1 }, dep)).toThrow(/invalid generateContent response/);
  });
});
