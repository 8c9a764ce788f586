import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import { UpstreamStreamError } from '../openai-compatible/stream.mapper.js';
import type { ChatRequest } from '../openai.types.js';
import type { Deployment } from '../provider.js';
import { bedrockProvider } from './bedrock.provider.js';

const dep: Deployment = { id: 'br', provider: 'bedrock', model: 'meta.llama3-70b-instruct-v1:0', baseUrl: '', timeoutMs: 1000, options: { region: 'eu-central-1', accessKeyId: 'AKID', secretAccessKey: 'S' } };
const tools = [{ type: 'function', function: { name: 'f' } }];
const map = (req: Partial<ChatRequest>, d: Deployment = dep) => {
  const out = bedrockProvider.chatRequest({ model: 'x', messages: [{ role: 'user', content: 'hi' }], ...req }, d, { stream: false, includeUsage: false });
  return { body: JSON.parse(out.request.body!), dropped: out.dropped, request: out.request };
};
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const frame = (headers: Record<string, string>, payload: unknown) =>
  codec.encode({ headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { type: 'string', value: v }])), body: fromUtf8(JSON.stringify(payload)) });

async function* bytes(...chunks: Uint8Array[]) {
  yield* chunks;
}

describe('bedrockProvider request mapping', () => {
  it('targets the regional runtime with the model id encoded; an apiKey is a bearer Bedrock API key (no signing)', async () => {
    const { request } = map({});
    expect(request.url).toBe('https://bedrock-runtime.eu-central-1.amazonaws.com/model/meta.llama3-70b-instruct-v1%3A0/converse');
    const keyed = { ...dep, apiKey: 'bedrock-api-key' };
    const { request: r2 } = map({}, keyed);
    expect(r2.headers.authorization).toBe('Bearer bedrock-api-key');
    expect(await bedrockProvider.prepare(r2, keyed, new AbortController().signal)).toBe(r2);
    const signed = await bedrockProvider.prepare(request, dep, new AbortController().signal);
    expect(signed.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/eu-central-1\/bedrock\/aws4_request/);
  });

  it('leaves tools out for tool_choice none without tool history, keeps them (dropping tool_choice) with it', () => {
    expect(map({ tools, tool_choice: 'none' }).body).not.toHaveProperty('toolConfig');
    const history = map({
      tools,
      tool_choice: 'none',
      messages: [
        { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c', content: 'ok' },
      ],
    });
    expect(history.body.toolConfig).toEqual({ tools: [{ toolSpec: { name: 'f', inputSchema: { json: { type: 'object', properties: {} } } } }] });
    expect(history.dropped).toEqual(['tool_choice']);
    expect(map({ tools, tool_choice: 'auto' }).body.toolConfig.toolChoice).toEqual({ auto: {} });
  });

  it('drops response_format and parallel_tool_calls, sends deployment extras, refuses n > 1 and image URLs', () => {
    const out = map({ response_format: { type: 'json_object' }, parallel_tool_calls: false }, { ...dep, options: { ...dep.options, maxTokens: 300, additionalModelRequestFields: { top_k: 5 } } });
    expect(out.dropped).toEqual(['parallel_tool_calls', 'response_format']);
    expect(out.body).toMatchObject({ inferenceConfig: { maxTokens: 300 }, additionalModelRequestFields: { top_k: 5 } });
    expect(() => map({ n: 2 })).toThrow(expect.objectContaining({ status: 400, param: 'n' }));
    expect(() => map({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }] })).toThrow(expect.objectContaining({ param: 'messages[0].content[0]' }));
  });

  it('reports missing region and half-given keys at load', () => {
    const issues = bedrockProvider.checkDeployment({ ...dep, options: { region: '', accessKeyId: 'AKID' } });
    expect(issues).toContain('options.accessKeyId and options.secretAccessKey go together');
    expect(bedrockProvider.checkDeployment(dep)).toEqual([]);
  });
});

describe('bedrockProvider event-stream decoding', () => {
  const mapAll = async (body: AsyncIterable<Uint8Array>) => {
    const mapper = bedrockProvider.chatStream(dep);
    const out = [];
    for await (const e of bedrockProvider.decodeStream(body, dep)) out.push(mapper.map(e));
    return out;
  };

  it('reassembles frames split across chunks and maps an exception frame to a stream error', async () => {
    const start = frame({ ':message-type': 'event', ':event-type': 'messageStart', ':content-type': 'application/json' }, { role: 'assistant' });
    const throttled = frame({ ':message-type': 'exception', ':exception-type': 'throttlingException', ':content-type': 'application/json' }, { message: 'Too many tokens' });
    const all = Buffer.concat([start, throttled]);
    const err = await mapAll(bytes(all.subarray(0, 7), all.subarray(7, 40), all.subarray(40))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamStreamError);
    expect((err as UpstreamStreamError).body.error).toMatchObject({ code: 'throttlingException', message: expect.stringContaining('Too many tokens') });
  });

  it('fails the stream on a corrupted frame (control: the intact frame decodes)', async () => {
    const good = frame({ ':message-type': 'event', ':event-type': 'messageStart' }, { role: 'assistant' });
    expect(await mapAll(bytes(good))).toHaveLength(1);
    const bad = Buffer.from(good);
    bad[bad.length - 6] ^= 0xff;
    await expect(mapAll(bytes(bad))).rejects.toBeInstanceOf(UpstreamStreamError);
  });

  it('closes the body when the reader stops early', async () => {
    let closed = false;
    const ev = frame({ ':message-type': 'event', ':event-type': 'messageStart' }, { role: 'assistant' });
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: (): AsyncIterator<Uint8Array> => {
        let sent = 0;
        return {
          next: async () => (sent++ < 3 ? { value: ev, done: false } : { value: undefined, done: true }),
          return: async () => ((closed = true), { value: undefined, done: true }),
        };
      },
    };
    for await (const _ of bedrockProvider.decodeStream(body, dep)) break;
    expect(closed).toBe(true);
  });
});
