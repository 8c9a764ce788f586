import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openaiProvider, readSse, UndiciTransport, type ChatRequest, type Deployment, type EmbeddingsRequest, type MappedStreamEvent } from '@helix/providers';

interface Cassette {
  request: { method: string; path: string; body: Record<string, unknown> };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyFile?: string };
}

const dir = new URL('../../fixtures/providers/openai/', import.meta.url);
const cassette = (name: string): Cassette => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
const bodyBytes = (c: Cassette): Buffer =>
  c.response.bodyFile ? readFileSync(new URL(c.response.bodyFile, dir)) : Buffer.from(JSON.stringify(c.response.body));

/** Serves the current cassette's bytes; SSE in small, uneven slices so chunk boundaries fall anywhere. */
let current: Cassette;
let received: { method: string; url: string; headers: IncomingHttpHeaders; body: string } | undefined;
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    received = { method: req.method!, url: req.url!, headers: req.headers, body };
    const bytes = bodyBytes(current);
    res.writeHead(current.response.status, current.response.headers);
    if (!current.response.bodyFile?.endsWith('.sse')) return void res.end(bytes);
    let offset = 0;
    let seed = 7;
    const next = () => {
      if (offset >= bytes.length) return void res.end();
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const size = 1 + (seed % 97);
      res.write(bytes.subarray(offset, offset + size));
      offset += size;
      setImmediate(next);
    };
    next();
  });
});

const transport = new UndiciTransport();
let dep: Deployment;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  dep = { id: 'openai-fixture', provider: 'openai', model: 'gpt-4o-mini', baseUrl, apiKey: 'sk-proj-fixture-key-FIXT', timeoutMs: 5_000 };
});
afterAll(async () => {
  await transport.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Replays a cassette: the client's request (model alias `helix-alias`) → adapter → transport → fixture server. */
async function replay(name: string, stream = false) {
  current = cassette(name);
  const req = { ...current.request.body, model: 'helix-alias' } as ChatRequest;
  const d = { ...dep, model: current.request.body.model as string };
  const mapped = openaiProvider.chatRequest(req, d, { stream, includeUsage: stream && req.stream_options?.include_usage === true });
  const res = await transport.send(mapped.request, { signal: new AbortController().signal, timeoutMs: 5_000 });
  return { res, dep: d, dropped: mapped.dropped };
}

async function mapStream(name: string): Promise<MappedStreamEvent[]> {
  const { res, dep: d } = await replay(name, true);
  const mapper = openaiProvider.chatStream(d);
  const out: MappedStreamEvent[] = [];
  for await (const event of readSse(res.body)) out.push(mapper.map(event));
  return out;
}

const sseLines = (file: string) =>
  readFileSync(new URL(file, dir), 'utf8')
    .split('\n\n')
    .filter((e) => e.startsWith('data: '))
    .map((e) => e.slice(6));

describe('OpenAI fixture replay: request mapping', () => {
  it('sends the documented request: path, bearer key, JSON, upstream model, max_tokens renamed', async () => {
    const { res, dropped } = await replay('success');
    await res.text();
    const { max_tokens, ...rest } = current.request.body;
    expect(received).toMatchObject({ method: 'POST', url: current.request.path });
    expect(received!.headers).toMatchObject({ authorization: 'Bearer sk-proj-fixture-key-FIXT', 'content-type': 'application/json' });
    expect(JSON.parse(received!.body)).toEqual({ ...rest, max_completion_tokens: max_tokens });
    expect(dropped).toEqual([]);
  });

  it('sends a streamed request with stream_options.include_usage, and tool definitions untouched', async () => {
    await mapStream('stream');
    expect(JSON.parse(received!.body)).toEqual(current.request.body);
    const { res } = await replay('tool-call');
    await res.text();
    expect(JSON.parse(received!.body)).toEqual(current.request.body);
  });

  it('sends embeddings requests as documented', async () => {
    current = cassette('embeddings');
    const d = { ...dep, model: 'text-embedding-3-small' };
    const res = await transport.send(openaiProvider.embeddingsRequest({ ...(current.request.body as unknown as EmbeddingsRequest), model: 'alias' }, d), {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
    });
    expect(received!.url).toBe('/v1/embeddings');
    expect(JSON.parse(received!.body)).toEqual(current.request.body);
    const mapped = openaiProvider.embeddingsResponse(await res.json(), d);
    expect(mapped.body).toEqual(current.response.body);
    expect(mapped.usage).toMatchObject({ inputTokens: 14, outputTokens: 0 });
  });
});

describe('OpenAI fixture replay: response mapping', () => {
  it('maps a completion with cached-token usage and keeps OpenAI headers', async () => {
    const { res, dep: d } = await replay('success');
    expect(res.headers['x-request-id']).toBe(current.response.headers['x-request-id']);
    const mapped = openaiProvider.chatResponse(await res.json(), d);
    expect(mapped.body).toEqual(current.response.body);
    expect(mapped.model).toBe('gpt-4o-mini-2024-07-18');
    expect(mapped.usage).toEqual({ inputTokens: 2006, outputTokens: 300, cacheReadTokens: 1920, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false });
  });

  it('maps a tool call with reasoning tokens', async () => {
    const { res, dep: d } = await replay('tool-call');
    const mapped = openaiProvider.chatResponse(await res.json(), d);
    expect(mapped.body.choices[0].message.tool_calls![0].function).toEqual({ name: 'get_weather', arguments: '{"location":"Paris, France"}' });
    expect(mapped.usage).toMatchObject({ inputTokens: 82, outputTokens: 86, reasoningTokens: 64 });
  });
});

describe('OpenAI fixture replay: every stream event', () => {
  it('maps each chunk unchanged, then usage from the choices-[] chunk, then done', async () => {
    const events = await mapStream('stream');
    const lines = sseLines('stream.sse');
    expect(events).toHaveLength(lines.length);
    lines.slice(0, -2).forEach((line, i) => expect(events[i]).toEqual({ chunks: [JSON.parse(line)] }));
    const usageEvent = events.at(-2)!;
    expect(usageEvent.chunks[0].choices).toEqual([]);
    expect(usageEvent.usage).toEqual({ inputTokens: 9, outputTokens: 9, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false });
    expect(events.at(-1)).toEqual({ chunks: [], done: true });
    const text = events.flatMap((e) => e.chunks).map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Hello! How can I help you today? 👋');
  });

  it('maps a streamed tool call whose arguments arrive in pieces', async () => {
    const events = await mapStream('tool-call-stream');
    const chunks = events.flatMap((e) => e.chunks);
    expect(chunks[0].choices[0].delta.tool_calls![0]).toMatchObject({ id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', function: { name: 'get_weather' } });
    const args = chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? []).map((t) => t.function?.arguments ?? '').join('');
    expect(args).toBe('{"location":"Paris, France"}');
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('tool_calls');
    expect(events.some((e) => e.usage)).toBe(false);
    expect(events.at(-1)!.done).toBe(true);
  });
});

describe('OpenAI fixture replay: errors', () => {
  const mapError = async (name: string) => {
    const { res, dep: d } = await replay(name);
    return { res, mapped: openaiProvider.error(res.status, await res.text(), d) };
  };

  it('passes a 400 through with its type, param and code', async () => {
    const { mapped } = await mapError('error-400');
    expect(mapped).toEqual({ status: 400, body: current.response.body });
  });

  it('passes a 429 through, its rate-limit headers available to the gateway', async () => {
    const { res, mapped } = await mapError('rate-limit-429');
    expect(mapped.status).toBe(429);
    expect(mapped.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'tokens' });
    expect(res.headers).toMatchObject({ 'retry-after': '2', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1.618s' });
  });

  it('turns a 401 into a 502 that names the deployment and leaks no key', async () => {
    const { mapped } = await mapError('auth-401');
    expect(mapped.status).toBe(502);
    expect(mapped.body.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
    expect(mapped.body.error.message).toContain('openai-fixture');
    expect(mapped.body.error.message).not.toMatch(/sk-|FIXT/);
  });

  it('turns an HTML error page into upstream_error, keeping the status', async () => {
    const { mapped } = await mapError('bad-gateway-502');
    expect(mapped.status).toBe(502);
    expect(mapped.body.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error', message: expect.stringContaining('502 Bad Gateway') });
  });
});
