import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, Deployment } from '@helix/providers';
import { ReplayServer, streamedText } from './support/replay-server.js';

const server = new ReplayServer(new URL('../../fixtures/providers/azure/', import.meta.url));
let dep: Deployment;
let issued = 0;

beforeAll(async () => {
  await server.start();
  server.onRequest = (r) => {
    if (r.url !== '/tenant-1/oauth2/v2.0/token') return undefined;
    const form = new URLSearchParams(r.body);
    const ok = form.get('grant_type') === 'client_credentials' && form.get('client_secret') === 'entra-secret' && form.get('scope') === 'https://cognitiveservices.azure.com/.default';
    if (!ok) return { status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }) };
    issued++;
    return { status: 200, body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: `eyJ0eXAi.entra-${issued}` }) };
  };
  dep = { id: 'azure-fixture', provider: 'azure', model: 'gpt-4o', baseUrl: server.origin, apiKey: 'azure-key-FIXTURE', timeoutMs: 5_000, options: { deployment: 'gpt-4o-prod' } };
});
afterAll(() => server.close());

const hello: ChatRequest = { model: 'gpt', messages: [{ role: 'user', content: 'Hi' }] };

describe('Azure OpenAI fixture replay', () => {
  it('posts to the deployment URL with api-version and the api-key header, and passes the completion through', async () => {
    const { res, adapter } = await server.replay('success', { model: 'gpt', messages: [{ role: 'user', content: 'Say this is a test' }], max_tokens: 20 }, dep);
    expect(server.received!.url).toBe('/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21');
    expect(server.received!.headers['api-key']).toBe('azure-key-FIXTURE');
    expect(server.received!.headers).not.toHaveProperty('authorization');
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.body).toEqual(server.current!.response.body);
    expect(mapped.usage).toMatchObject({ inputTokens: 12, outputTokens: 5 });
  });

  it('sends an Entra bearer token (client credentials, fetched once) instead of the key when options.entra is set', async () => {
    const entra = { tenantId: 'tenant-1', clientId: 'app-1', clientSecret: 'entra-secret', tokenUrl: `${server.origin}/tenant-1/oauth2/v2.0/token` };
    const d = { ...dep, options: { ...dep.options, entra } };
    await (await server.replay('tool-call', hello, d)).res.text();
    expect(server.received!.headers.authorization).toBe('Bearer eyJ0eXAi.entra-1');
    expect(server.received!.headers).not.toHaveProperty('api-key');
    await (await server.replay('tool-call', hello, d)).res.text();
    expect(issued).toBe(1);
    const wrong = { ...dep, id: 'azure-wrong', options: { entra: { ...entra, clientId: 'app-2', clientSecret: 'nope' } } };
    await expect(server.replay('tool-call', hello, wrong)).rejects.toMatchObject({ status: 502, retryable: true, message: expect.stringContaining('invalid_client') });
  });

  it('uses the version-less /openai/v1 API with apiVersion v1', async () => {
    await (await server.replay('success', hello, { ...dep, options: { apiVersion: 'v1' } })).res.text();
    expect(server.received!.url).toBe('/openai/v1/chat/completions');
  });

  it('maps a tool call', async () => {
    const req: ChatRequest = { ...hello, messages: [{ role: 'user', content: "What's the weather like in Paris?" }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } }], tool_choice: 'auto' };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(adapter.chatResponse(await res.json(), dep).body.choices[0].message.tool_calls![0].function.arguments).toBe('{"location":"Paris, France"}');
  });

  it('streams through, Azure’s empty first chunk included, usage from the usage chunk', async () => {
    const events = await server.replayStream('stream', { ...hello, messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(events[0].chunks[0].choices).toEqual([]);
    expect(streamedText(events)).toBe('Hello!');
    expect(events.at(-2)!.usage).toMatchObject({ inputTokens: 9, outputTokens: 2 });
    expect(events.at(-1)).toEqual({ chunks: [], done: true });
  });

  it('keeps a content-filter 400 and a 429 with Azure’s codes', async () => {
    expect((await server.replayError('error-400', hello, dep)).mapped).toMatchObject({ status: 400, body: { error: { code: 'content_filter', param: 'prompt' } } });
    const { res, mapped } = await server.replayError('rate-limit-429', hello, dep);
    expect(mapped).toMatchObject({ status: 429, body: { error: { code: '429', message: expect.stringContaining('exceeded token rate limit') } } });
    expect(res.headers['retry-after']).toBe('13');
  });
});
