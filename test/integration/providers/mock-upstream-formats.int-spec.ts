import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProvider, prepareRequest, UndiciTransport, upstreamEvents, type ChatRequest, type Deployment } from '@helix/providers';
import { startMockUpstream, type MockUpstream } from '../../../apps/mock-upstream/src/mock-upstream.js';
import { testServiceAccount } from './support/token-endpoint.js';

let upstream: MockUpstream;
const transport = new UndiciTransport();
const deployments: Record<string, (over?: Partial<Deployment>) => Deployment> = {};

beforeAll(async () => {
  upstream = await startMockUpstream({ chunks: 3, promptTokens: 11, completionTokens: 7 });
  const vertexOptions = { project: 'helix-test', credentials: testServiceAccount(`${upstream.url}/token`, 'mock-caller@helix-test.iam.gserviceaccount.com').json };
  const base = { timeoutMs: 5_000 };
  const make = (d: Omit<Deployment, 'id' | 'timeoutMs'>) => (over: Partial<Deployment> = {}) => ({ ...base, id: `${d.provider}-mock`, ...d, ...over });
  deployments.anthropic = make({ provider: 'anthropic', model: 'claude-mock', baseUrl: upstream.baseUrl, apiKey: 'sk-ant-mock' });
  deployments.gemini = make({ provider: 'gemini', model: 'gemini-mock', baseUrl: `${upstream.url}/v1beta`, apiKey: 'AIza-mock' });
  deployments.vertex = make({ provider: 'vertex', model: 'gemini-mock', baseUrl: upstream.baseUrl, options: vertexOptions });
  deployments['vertex-anthropic'] = make({ provider: 'vertex-anthropic', model: 'claude-mock@1', baseUrl: upstream.baseUrl, options: vertexOptions });
  deployments.bedrock = make({ provider: 'bedrock', model: 'anthropic.claude-mock-v1:0', baseUrl: upstream.url, options: { region: 'us-east-1', accessKeyId: 'AKIDMOCK', secretAccessKey: 'mock-secret' } });
  deployments.azure = make({ provider: 'azure', model: 'gpt-mock', baseUrl: upstream.url, apiKey: 'azure-mock' });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await transport.close();
  await upstream.close();
});

const signal = () => new AbortController().signal;
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };

async function call(dep: Deployment, req: ChatRequest, stream = false) {
  const { adapter } = getProvider(dep.provider);
  const mapped = adapter.chatRequest(req, dep, { stream, includeUsage: stream });
  const res = await transport.send(await prepareRequest(adapter, mapped.request, dep, signal()), { signal: signal(), timeoutMs: 5_000 });
  return { res, adapter };
}

async function chat(dep: Deployment, req: ChatRequest) {
  const { res, adapter } = await call(dep, req);
  if (res.status >= 400) return { error: adapter.error(res.status, await res.text(), dep) };
  return { answer: adapter.chatResponse(await res.json(), dep) };
}

async function stream(dep: Deployment, req: ChatRequest) {
  const { res, adapter } = await call(dep, req, true);
  const mapper = adapter.chatStream(dep);
  const events = [];
  for await (const e of upstreamEvents(adapter, res.body, dep)) events.push(mapper.map(e));
  const chunks = events.flatMap((e) => e.chunks);
  return {
    text: chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''),
    args: chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).map((t) => t.function?.arguments ?? '').join(''),
    finish: chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason,
    done: events.at(-1)!.done,
    usage: events.flatMap((e) => (e.usage ? [e.usage] : [])).at(-1),
  };
}

const PROVIDERS = ['anthropic', 'gemini', 'vertex', 'vertex-anthropic', 'bedrock', 'azure'];

describe.each(PROVIDERS)('mock-upstream speaks the %s wire format', (id) => {
  const hello: ChatRequest = { model: 'x', messages: [{ role: 'user', content: 'Hello from Ada Lovelace' }] };

  it('chat: the deterministic answer and the fixed usage', async () => {
    const { answer } = await chat(deployments[id](), hello);
    expect(answer!.body.choices[0].message.content).toBe('Mock answer to: Hello from Ada Lovelace');
    expect(answer!.usage).toMatchObject({ inputTokens: 11, outputTokens: 7 });
    expect(upstream.requests().at(-1)!.headers).not.toHaveProperty('x-goog-api-key');
  });

  it('stream: pieces that join to the answer, a finish, then usage and done', async () => {
    const out = await stream(deployments[id](), { ...hello, stream: true });
    expect(out.text).toBe('Mock answer to: Hello from Ada Lovelace');
    expect(out.finish).toBe('stop');
    expect(out.done).toBe(true);
    expect(out.usage).toMatchObject({ inputTokens: 11, outputTokens: 7 });
  });

  it('tool calls, plain and streamed', async () => {
    const req = { ...hello, tools: [weather], tool_choice: { type: 'function', function: { name: 'get_weather' } } };
    const { answer } = await chat(deployments[id](), req);
    expect(answer!.body.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ function: { name: 'get_weather', arguments: '{"city":"Hello from Ada Lovelace"}' } }] } });
    const out = await stream(deployments[id](), { ...req, stream: true });
    expect(JSON.parse(out.args)).toEqual({ city: 'Hello from Ada Lovelace' });
    expect(out.finish).toBe('tool_calls');
  });

  it('x-mock-status failures in the format, mapped back to OpenAI errors (control: the same deployment succeeds without it)', async () => {
    const failing = deployments[id]({ headers: { 'x-mock-status': '429' } });
    const { error } = await chat(failing, hello);
    expect(error).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded', message: 'Mock failure (HTTP 429).' } } });
    expect((await chat(deployments[id](), hello)).answer).toBeDefined();
  });
});

describe('mock-upstream extras', () => {
  it('issues an access token for a service-account JWT once, then the token is reused', async () => {
    const credentials = testServiceAccount(`${upstream.url}/token`, 'fresh-caller@helix-test.iam.gserviceaccount.com').json;
    const d = deployments.vertex({ options: { project: 'helix-test', credentials } });
    const hi: ChatRequest = { model: 'x', messages: [{ role: 'user', content: 'hi' }] };
    expect((await chat(d, hi)).answer).toBeDefined();
    expect((await chat(d, hi)).answer).toBeDefined();
    const paths = upstream.requests().map((r) => r.path);
    expect(paths.filter((p) => p === '/token')).toHaveLength(1);
    expect(paths.at(-1)).toBe('/v1/projects/helix-test/locations/us-central1/publishers/google/models/gemini-mock:generateContent');
    expect(String(upstream.requests()[0].body)).toContain('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer');
  });

  it('answers an Azure deployment URL without api-version with 404, as Azure does (control: with it, 200)', async () => {
    const res = await transport.send({ url: `${upstream.url}/openai/deployments/d/chat/completions`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[]}' }, { signal: signal(), timeoutMs: 5_000 });
    expect(res.status).toBe(404);
    await res.text();
    expect((await chat(deployments.azure(), { model: 'x', messages: [{ role: 'user', content: 'hi' }] })).answer).toBeDefined();
  });

  it('Anthropic 529 overloaded arrives as 503', async () => {
    const { error } = await chat(deployments.anthropic({ headers: { 'x-mock-status': '529' } }), { model: 'x', messages: [{ role: 'user', content: 'hi' }] });
    expect(error).toMatchObject({ status: 503, body: { error: { code: 'overloaded_error' } } });
  });
});
