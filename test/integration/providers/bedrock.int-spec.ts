import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsSigner, signRequest, type ChatRequest, type Deployment } from '@helix/providers';
import { encodeEventStream, type FixtureEvent } from './support/event-stream.js';
import { ReplayServer, streamedArguments, streamedText } from './support/replay-server.js';
import { sigV4Authorization, signedHeadersOf } from './support/sigv4.js';

const dir = new URL('../../fixtures/providers/bedrock/', import.meta.url);
const server = new ReplayServer(dir);
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
let dep: Deployment;
let verified = 0;

beforeAll(async () => {
  await server.start();
  server.onRequest = (r) => {
    const expected = sigV4Authorization(r, creds, 'eu-west-1', 'bedrock', signedHeadersOf(r.headers.authorization as string));
    if (r.headers.authorization === expected && signedHeadersOf(expected).includes('host')) return void verified++;
    return { status: 403, body: JSON.stringify({ message: 'The request signature we calculated does not match the signature you provided.' }) };
  };
  dep = { id: 'bedrock-fixture', provider: 'bedrock', model: MODEL, baseUrl: server.origin, timeoutMs: 5_000, options: { region: 'eu-west-1', ...creds } };
});
afterAll(() => server.close());

const hello: ChatRequest = { model: 'claude', messages: [{ role: 'user', content: 'Hi' }] };
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('Bedrock SigV4', () => {
  it('signs each request so that an independent SigV4 computation on the server agrees (model id encoded twice)', async () => {
    const before = verified;
    await (await server.replay('error-400', hello, dep)).res.text();
    expect(verified).toBe(before + 1);
    expect(server.received!.url).toBe('/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse');
    expect(signedHeadersOf(server.received!.headers.authorization as string)).toEqual(['accept', 'content-type', 'host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(server.received!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/bedrock\/aws4_request, /);
  });

  it('control: a wrong secret is refused by the same check, and the 403 becomes a 502 naming the deployment', async () => {
    const before = verified;
    const wrong = { ...dep, id: 'bedrock-wrong-key', options: { ...dep.options, secretAccessKey: 'not-the-secret' } };
    const { res, adapter } = await server.replay('success', hello, wrong);
    expect(res.status).toBe(403);
    expect(verified).toBe(before);
    const mapped = adapter.error(res.status, await res.text(), wrong);
    expect(mapped.status).toBe(502);
    expect(mapped.body.error.message).toContain('bedrock-wrong-key');
  });

  it('with a fixed date and session token, matches the independent computation exactly', async () => {
    const request = { url: `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(MODEL)}/converse`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{"messages":[]}' };
    const signer = awsSigner('bedrock', 'us-east-1', { ...creds, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' });
    const signed = await signRequest(request, signer, new Date('2025-03-04T05:06:07Z'));
    expect(signed.headers).toMatchObject({ 'x-amz-date': '20250304T050607Z', 'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLETOKEN' });
    const received = { method: 'POST', url: new URL(request.url).pathname, headers: { ...signed.headers, host: 'bedrock-runtime.us-east-1.amazonaws.com' }, body: request.body };
    const names = signedHeadersOf(signed.headers.authorization);
    expect(names).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']);
    expect(signed.headers.authorization).toBe(sigV4Authorization(received, creds, 'us-east-1', 'bedrock', names));
  });
});

describe('Bedrock fixture replay: Converse', () => {
  it('sends system, image, cache point and inference config, and maps usage with cache reads and writes added to input', async () => {
    const req: ChatRequest = {
      model: 'claude',
      messages: [
        { role: 'system', content: 'You are a concise assistant.' },
        { role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL}` }, cache_control: { type: 'ephemeral' } }] },
      ],
      max_tokens: 512,
      temperature: 0.5,
      top_p: 0.9,
      stop: ['END'],
      seed: 7,
    };
    const { res, adapter, dropped } = await server.replay('success', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(dropped).toEqual(['seed']);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.model).toBe(MODEL);
    expect(mapped.body.choices[0]).toMatchObject({ message: { content: 'A single white pixel.' }, finish_reason: 'stop' });
    expect(mapped.usage).toEqual({ inputTokens: 2073, outputTokens: 7, cacheReadTokens: 2000, cacheWriteTokens: 48, reasoningTokens: 0, estimated: false });
  });

  it('sends tool history with toolConfig, and maps reasoning and a tool use', async () => {
    const req: ChatRequest = {
      model: 'claude',
      messages: [
        { role: 'user', content: "What's the weather like in Paris?" },
        { role: 'assistant', content: '', tool_calls: [{ id: 'tooluse_prev', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } }] },
        { role: 'tool', tool_call_id: 'tooluse_prev', content: '{"temperature":18}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Get the current weather in a given location', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } }],
      tool_choice: 'required',
    };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.body.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { content: null, reasoning_content: 'Paris weather is needed.', tool_calls: [{ id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } }] },
    });
  });
});

describe('Bedrock fixture replay: ConverseStream (AWS event-stream)', () => {
  const events = (name: string) => JSON.parse(readFileSync(new URL(`${name}.events.json`, dir), 'utf8')) as FixtureEvent[];

  it('the binary fixtures are exactly their documented events, framed', () => {
    for (const name of ['stream', 'tool-call-stream']) expect(readFileSync(new URL(`${name}.eventstream`, dir)).equals(encodeEventStream(events(name)))).toBe(true);
  });

  it('decodes frames split anywhere and maps every event: role, text, finish, then usage from metadata and done', async () => {
    const mapped = await server.replayStream('stream', { model: 'claude', messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.received!.url).toBe('/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream');
    expect(server.received!.headers.accept).toBe('application/vnd.amazon.eventstream');
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(mapped).toHaveLength(events('stream').length);
    expect(mapped[0].chunks[0]).toMatchObject({ model: MODEL, choices: [{ delta: { role: 'assistant', content: '' } }] });
    expect(streamedText(mapped)).toBe('Hello! How can I help you today? 👋');
    expect(mapped[3]).toEqual({ chunks: [] });
    expect(mapped[4].chunks[0].choices[0].finish_reason).toBe('stop');
    expect(mapped[5]).toMatchObject({ done: true, usage: { inputTokens: 10, outputTokens: 12 }, chunks: [{ choices: [], usage: { prompt_tokens: 10, completion_tokens: 12 } }] });
  });

  it('maps reasoning deltas and a tool use whose input arrives in pieces', async () => {
    const req: ChatRequest = {
      model: 'claude',
      messages: [{ role: 'user', content: "What's the weather like in Paris?" }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      stream: true,
    };
    const mapped = await server.replayStream('tool-call-stream', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const chunks = mapped.flatMap((e) => e.chunks);
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).toBe('Need Paris weather.');
    expect(chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])[0]).toEqual({ index: 0, id: 'tooluse_Zk3Qp1sLTwq3YzHtYb6WfA', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(JSON.parse(streamedArguments(mapped))).toEqual({ location: 'Paris, France' });
    expect(mapped.at(-1)).toMatchObject({ done: true, usage: { inputTokens: 395, cacheReadTokens: 300, outputTokens: 41 } });
  });
});

describe('Bedrock fixture replay: errors', () => {
  it('maps ValidationException to a 400 and ThrottlingException to a 429', async () => {
    expect((await server.replayError('error-400', hello, dep)).mapped).toMatchObject({ status: 400, body: { error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens: 300000') } } });
    expect((await server.replayError('rate-limit-429', hello, dep)).mapped).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded', message: 'Too many requests, please wait before trying again.' } } });
  });
});
