import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../openai.types.js';
import { mockChunks, mockCompletion, split } from './mock-chat.js';
import { mockEmbeddings } from './mock-embeddings.js';
import { DEFAULT_MOCK_SETTINGS } from './mock-settings.js';

const req: ChatRequest = { model: 'mock-gpt', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'My name is Ada Lovelace.' }] };
const settings = DEFAULT_MOCK_SETTINGS;
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city', 'days'] } } };

describe('mock chat', () => {
  it('answers deterministically, echoing the last user message', () => {
    const a = mockCompletion(req, settings);
    const b = mockCompletion(structuredClone(req), settings);
    expect(a.choices[0].message.content).toBe('Mock answer to: My name is Ada Lovelace.');
    expect({ ...a, created: 0 }).toEqual({ ...b, created: 0 });
    const other = mockCompletion({ ...req, messages: [{ role: 'user', content: 'Something else' }] }, settings);
    expect(other.id).not.toBe(a.id);
    expect(other.choices[0].message.content).toBe('Mock answer to: Something else');
  });

  it('echoes at most 200 characters, joins text parts, and honours max_tokens with finish length', () => {
    const long = mockCompletion({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(500) }] }, settings);
    expect(long.choices[0].message.content).toBe(`Mock answer to: ${'x'.repeat(200)}`);
    const parts = mockCompletion({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'u' } }, { type: 'text', text: 'b' }] }] }, settings);
    expect(parts.choices[0].message.content).toBe('Mock answer to: a b');
    const cut = mockCompletion({ ...req, max_tokens: 2 }, settings);
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'Mock ans' } });
  });

  it('counts usage deterministically from the input and the answer, or uses fixed values', () => {
    const u = mockCompletion(req, settings).usage!;
    expect(u.prompt_tokens).toBe(3 + (3 + 3) + (3 + 6));
    expect(u.completion_tokens).toBe(Math.ceil('Mock answer to: My name is Ada Lovelace.'.length / 4));
    expect(u.total_tokens).toBe(u.prompt_tokens + u.completion_tokens);
    expect(mockCompletion(req, { ...settings, promptTokens: 100, completionTokens: 7 }).usage).toEqual({ prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 });
  });

  it('calls the first tool (or the chosen one) with deterministic arguments, unless tool_choice is none', () => {
    const noop = { type: 'function', function: { name: 'noop' } };
    const call = mockCompletion({ ...req, tools: [weather, noop] }, settings).choices[0];
    expect(call.finish_reason).toBe('tool_calls');
    expect(call.message.tool_calls![0]).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
    expect(JSON.parse(call.message.tool_calls![0].function.arguments)).toEqual({ city: 'My name is Ada Lovelace.', days: 1 });
    const chosen = mockCompletion({ ...req, tools: [weather, noop], tool_choice: { type: 'function', function: { name: 'noop' } } }, settings);
    expect(chosen.choices[0].message.tool_calls![0].function).toEqual({ name: 'noop', arguments: '{}' });
    expect(mockCompletion({ ...req, tools: [weather], tool_choice: 'none' }, settings).choices[0].finish_reason).toBe('stop');
  });

  it('streams the same answer in chunks: role, content pieces, finish, then a usage chunk with choices []', () => {
    const chunks = mockChunks(req, { ...settings, chunks: 4 }, true);
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(mockCompletion(req, settings).choices[0].message.content);
    expect(chunks).toHaveLength(1 + 4 + 1 + 1);
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: mockCompletion(req, settings).usage });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const noUsage = mockChunks(req, settings, false);
    expect(noUsage.every((c) => !('usage' in c) && c.choices.length === 1)).toBe(true);
  });

  it('streams a tool call as a header piece then argument pieces', () => {
    const chunks = mockChunks({ ...req, tools: [weather] }, settings, false);
    const first = chunks[0].choices[0].delta.tool_calls![0];
    expect(first).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    const args = chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? []).map((t) => t.function?.arguments ?? '').join('');
    expect(JSON.parse(args)).toEqual({ city: 'My name is Ada Lovelace.', days: 1 });
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('tool_calls');
  });

  it('splits text without cutting surrogate pairs', () => {
    expect(split('a😀b😀c', 3).join('')).toBe('a😀b😀c');
    for (const piece of split('😀😀😀😀', 3)) expect(piece.length % 2).toBe(0);
  });
});

describe('mock embeddings', () => {
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

  it('returns deterministic unit vectors of the requested dimensions, one per input', () => {
    const out = mockEmbeddings({ model: 'e', input: ['alpha', 'beta', 'alpha'], dimensions: 64 });
    const [a, b, a2] = out.data.map((d) => d.embedding as number[]);
    expect(a).toHaveLength(64);
    expect(norm(a)).toBeCloseTo(1, 10);
    expect(a2).toEqual(a);
    expect(b).not.toEqual(a);
    expect(out.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(out.usage.prompt_tokens).toBeGreaterThan(0);
    expect(mockEmbeddings({ model: 'e', input: 'alpha' }).data[0].embedding).toHaveLength(1536);
  });

  it('encodes base64 as little-endian float32, like OpenAI', () => {
    const floats = mockEmbeddings({ model: 'e', input: 'alpha', dimensions: 8 }).data[0].embedding as number[];
    const b64 = mockEmbeddings({ model: 'e', input: 'alpha', dimensions: 8, encoding_format: 'base64' }).data[0].embedding as string;
    const buf = Buffer.from(b64, 'base64');
    const decoded = Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
    decoded.forEach((x, i) => expect(x).toBeCloseTo(floats[i], 6));
  });

  it('treats a token array as one input', () => {
    expect(mockEmbeddings({ model: 'e', input: [1, 2, 3], dimensions: 4 }).data).toHaveLength(1);
  });
});
