import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let upstream: MockUpstream;
let client: OpenAI;

const weather = { type: 'function' as const, name: 'get_weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, strict: false };

beforeAll(async () => {
  upstream = await startMockUpstream({ chunks: 4, chunkDelayMs: 2 });
  helix = await spawnHelix('standalone', {
    config: {
      providers: [
        { name: 'compat', type: 'openai-compatible', baseUrl: upstream.baseUrl },
        { name: 'gemini', type: 'gemini', baseUrl: `${upstream.url}/v1beta`, apiKey: 'AIza-e2e' },
      ],
      models: [
        { name: 'resp-e2e', deployments: [{ id: 'compat-dep', provider: 'compat', model: 'mock-gpt' }] },
        { name: 'resp-gemini', deployments: [{ id: 'gemini-dep', provider: 'gemini', model: 'gemini-mock' }] },
      ],
      pipeline: { budget: { timeoutMs: 5_000 }, pii: { timeoutMs: 5_000 }, cache: { timeoutMs: 5_000 } },
    },
  });
  const { key } = await provisionKey(helix.url, helix.masterKey());
  client = new OpenAI({ apiKey: key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  await upstream?.close();
});

describe('POST /v1/responses with the openai client', () => {
  it('answers text with instructions, through the pipeline (PII redacted upstream, restored for the caller)', async () => {
    upstream.reset();
    const r = await client.responses.create({ model: 'resp-e2e', instructions: 'Be brief.', input: 'Mail grace.hopper@example.com the compiler notes', max_output_tokens: 300, metadata: { ticket: '42' } });
    expect(r).toMatchObject({ object: 'response', status: 'completed', model: 'resp-e2e', store: false, metadata: { ticket: '42' } });
    expect(r.id).toMatch(/^resp_/);
    expect(r.output_text).toBe('Mock answer to: Mail grace.hopper@example.com the compiler notes');
    expect(r.usage!.input_tokens).toBeGreaterThan(0);
    const sent = JSON.stringify(upstream.requests().at(-1)!.body);
    expect(sent).not.toContain('grace.hopper@example.com');
    expect(sent).toContain('"max_completion_tokens":300');
    expect(sent).toContain('Be brief.');
  });

  it('streams every lifecycle event in sequence; the client assembles the final response', async () => {
    const stream = await client.responses.create({ model: 'resp-gemini', input: 'stream through gemini', stream: true });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const e of stream) {
      types.push(e.type);
      sequence.push(e.sequence_number);
      if (e.type === 'response.output_text.delta') text += e.delta;
      if (e.type === 'response.completed') completed = e.response;
    }
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.completed']);
    expect(sequence).toEqual([...sequence.keys()]);
    expect(text).toBe('Mock answer to: stream through gemini');
    expect(completed!.output).toMatchObject([{ type: 'message', content: [{ text: 'Mock answer to: stream through gemini' }] }]);
    expect(completed!.usage!.output_tokens).toBeGreaterThan(0);

    const final = await client.responses.stream({ model: 'resp-e2e', input: 'helper stream' }).finalResponse();
    expect(final.output).toMatchObject([{ type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'Mock answer to: helper stream' }] }]);
  });

  it('calls a function, takes its output back, plain and streamed', async () => {
    const first = await client.responses.create({ model: 'resp-e2e', input: 'Weather in Oslo?', tools: [weather], tool_choice: { type: 'function', name: 'get_weather' } });
    const call = first.output.find((o) => o.type === 'function_call')!;
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed' });
    expect(() => JSON.parse((call as { arguments: string }).arguments)).not.toThrow();
    const second = await client.responses.create({
      model: 'resp-e2e',
      tools: [weather],
      tool_choice: 'none',
      input: [{ role: 'user', content: 'Weather in Oslo?' }, call, { type: 'function_call_output', call_id: (call as { call_id: string }).call_id, output: '5 degrees' }],
    });
    expect(second.output_text).toContain('Mock answer to');
    const events: string[] = [];
    let args = '';
    const stream = await client.responses.create({ model: 'resp-e2e', input: 'Weather in Rome, streamed', tools: [weather], tool_choice: 'required', stream: true });
    for await (const e of stream) {
      events.push(e.type);
      if (e.type === 'response.function_call_arguments.delta') args += e.delta;
    }
    expect(events).toContain('response.function_call_arguments.done');
    expect(() => JSON.parse(args)).not.toThrow();
  });

  it('refuses what it does not support with a clear 400 in OpenAI’s shape', async () => {
    const refused = (body: Record<string, unknown>) => client.responses.create({ model: 'resp-e2e', input: 'x', ...body } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    await expect(refused({ previous_response_id: 'resp_123' })).rejects.toMatchObject({ status: 400, param: 'previous_response_id', code: 'unsupported_parameter' });
    await expect(refused({ tools: [{ type: 'web_search' }] })).rejects.toMatchObject({ status: 400, param: 'tools[0].type' });
    await expect(refused({ background: true })).rejects.toMatchObject({ status: 400, param: 'background' });
    await expect(refused({ model: 'no-such-model' })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
