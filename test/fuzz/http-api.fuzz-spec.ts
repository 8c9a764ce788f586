import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { provisionKey } from '../e2e/support/admin-client.js';
import { spawnHelix, type HelixProcess } from '../e2e/support/helix-process.js';
import { until } from '../support/wait.js';
import { expectWellFormed, FuzzClient, hostileStream, type FuzzAnswer } from './support/http-fuzz.js';

/**
 * Fuzzing the HTTP API of a running gateway (the standalone default: every step on, in one process,
 * before a mock upstream). Bounded: a fixed number of runs per property and a time limit each.
 * HELIX_FUZZ_SEED replays a run (the seed is printed at the start and by fast-check on a failure);
 * HELIX_FUZZ_SCALE multiplies the run counts.
 */
const SEED = Number(process.env.HELIX_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCALE = Number(process.env.HELIX_FUZZ_SCALE ?? 1);
const MASTER = `hx-master-${'f'.repeat(40)}`;
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), interruptAfterTimeLimit: 60_000 * SCALE, markInterruptAsFailure: false, endOnFailure: true });

let upstream: MockUpstream;
let helix: HelixProcess;
let http: FuzzClient;
let memberKey: string;

const CHAT = { model: 'mock-gpt', messages: [{ role: 'user', content: 'Where is the Q3 report?' }] };
/** The JSON routes, each with a body it accepts, and the key that may call it. */
const ROUTES: { path: string; body: Record<string, unknown>; admin?: boolean }[] = [
  { path: '/v1/chat/completions', body: CHAT },
  { path: '/v1/chat/completions', body: { ...CHAT, stream: true, stream_options: { include_usage: true } } },
  { path: '/v1/embeddings', body: { model: 'mock-embedding', input: 'Where is the Q3 report?' } },
  { path: '/v1/messages', body: { model: 'mock-gpt', max_tokens: 32, messages: [{ role: 'user', content: 'Where is the Q3 report?' }] } },
  { path: '/v1/responses', body: { model: 'mock-gpt', input: 'Where is the Q3 report?' } },
  { path: '/v1/pii/analyze', body: { text: 'Mail grace@example.org', language: 'en' } },
  { path: '/admin/orgs', body: { name: 'fuzz org' }, admin: true },
  { path: '/admin/keys', body: { name: 'fuzz key', user_id: 'nope', role: 'member' }, admin: true },
];
const route = fc.constantFrom(...ROUTES);
const keyFor = (r: { admin?: boolean }) => (r.admin ? MASTER : memberKey);
const jsonHeaders = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });

async function post(path: string, headers: Record<string, string>, body: Uint8Array | string, what: string): Promise<FuzzAnswer> {
  const answer = await http.send('POST', path, headers, body);
  expectWellFormed(answer, what, path);
  return answer;
}

/** A header name no proxy or HTTP framing cares about, and a visible-ASCII value. */
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,24}$/).filter((h) => !h.startsWith('x-mock-'));
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 64 });
/** Every kind of string: control characters, lone surrogates, astral planes. */
const nastyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\r\n\r\n', '\u0007'.repeat(50)));

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
  return copy;
}

/** Paths into a body: its fields and the first message's fields. */
const fieldPath = (body: Record<string, unknown>) =>
  fc.constantFrom(...Object.keys(body).map((k) => [k]), ['messages', '0', 'role'], ['messages', '0', 'content'], ['messages', '0'], ['stream'], ['max_tokens'], ['temperature'], ['n'], ['tools']);

beforeAll(async () => {
  console.log(`[fuzz] seed ${SEED} (HELIX_FUZZ_SEED=${SEED} replays it)`);
  upstream = await startMockUpstream({ chunkDelayMs: 10, chunks: 8, logSize: 2000 });
  helix = await spawnHelix('standalone', {
    config: {
      providers: [{ name: 'upstream', type: 'openai-compatible', baseUrl: upstream.baseUrl }],
      models: [
        { name: 'mock-gpt', deployments: [{ provider: 'upstream', model: 'mock-gpt' }] },
        { name: 'mock-embedding', kind: 'embeddings', deployments: [{ provider: 'upstream', model: 'mock-embedding' }] },
      ],
    },
    env: { LOG_LEVEL: 'warn', HELIX_MASTER_KEY: MASTER },
  });
  http = new FuzzClient(helix.url);
  memberKey = (await provisionKey(helix.url, MASTER)).key;
});
afterAll(async () => {
  await http?.close();
  await helix?.dispose();
  await upstream?.close();
});

describe('fuzz: the gateway HTTP API answers hostile input with a 4xx in the OpenAI error shape, never a 5xx, and stays up', () => {
  it('the oracle fails on a 5xx the client caused and on an error of another shape (positive control)', () => {
    const openai = (status: number, code: string | null) => ({ status, contentType: 'application/json', text: JSON.stringify({ error: { message: 'm', type: 't', param: null, code } }) });
    expect(() => expectWellFormed(openai(400, 'invalid_json'), 'ok')).not.toThrow();
    expect(() => expectWellFormed(openai(502, 'upstream_error'), 'upstream')).not.toThrow();
    expect(() => expectWellFormed(openai(500, 'internal_error'), 'internal')).toThrow(/not caused by the upstream/);
    expect(() => expectWellFormed({ status: 400, contentType: 'application/json', text: '{"message":"Bad Request","statusCode":400}' }, 'nest')).toThrow();
    expect(() => expectWellFormed({ status: 404, contentType: 'text/html', text: '<h1>Not found</h1>' }, 'html')).toThrow(/not JSON/);
    const anthropic = { status: 400, contentType: 'application/json', text: JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'm' } }) };
    expect(() => expectWellFormed(anthropic, 'anthropic', '/v1/messages')).not.toThrow();
    expect(() => expectWellFormed(anthropic, 'anthropic elsewhere', '/v1/chat/completions')).toThrow();
    expect(() => expectWellFormed({ ...anthropic, text: JSON.stringify({ type: 'error', error: { message: 'no type' } }) }, 'half anthropic', '/v1/messages')).toThrow();
  });

  it('malformed JSON: cut, spliced and random text', async () => {
    const malformed = fc.oneof(
      fc.tuple(route, fc.nat()).map(([r, at]) => ({ r, body: JSON.stringify(r.body).slice(0, 1 + (at % (JSON.stringify(r.body).length - 1))) })),
      fc.tuple(route, fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'nul', 'tru', '1e999999', '-', '/*', "'")).map(([r, at, junk]) => {
        const text = JSON.stringify(r.body);
        const i = at % text.length;
        return { r, body: text.slice(0, i) + junk + text.slice(i) };
      }),
      fc.tuple(route, fc.string({ maxLength: 300 })).map(([r, body]) => ({ r, body })),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async ({ r, body }) => {
        const answer = await post(r.path, jsonHeaders(keyFor(r)), body, `malformed ${r.path} ${JSON.stringify(body).slice(0, 200)}`);
        if (answer.status < 400) JSON.parse(body);
      }),
      params(150),
    );
  });

  it('wrong types in every field, unknown fields and unknown headers', async () => {
    const mutated = route.chain((r) =>
      fc.record({
        r: fc.constant(r),
        changes: fc.array(fc.tuple(fieldPath(r.body), fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString)), { maxLength: 3 }),
        unknown: fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        headers: fc.dictionary(headerName, headerValue, { maxKeys: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async ({ r, changes, unknown, headers }) => {
        let body = { ...r.body, ...unknown };
        for (const [path, value] of changes) body = setPath(body, path, value);
        const text = JSON.stringify(body);
        await post(r.path, { ...headers, ...jsonHeaders(keyFor(r)) }, text, `typed ${r.path} ${text.slice(0, 300)} headers ${JSON.stringify(headers)}`);
      }),
      params(200),
    );
  });

  it('invalid UTF-8 and control characters inside strings, in the body and in the content type', async () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 });
    const cases = fc.record({
      r: route,
      raw: bytes,
      charset: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded'),
      content: nastyString,
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ r, raw, charset, content }) => {
        const text = JSON.stringify(setPath(r.body, r.path.includes('chat') || r.path.includes('messages') ? ['messages', '0', 'content'] : Object.keys(r.body).slice(-1), content));
        const cut = text.lastIndexOf('"', text.length - 3);
        const withBytes = Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from(raw), Buffer.from(text.slice(cut))]);
        await post(r.path, { 'content-type': charset, authorization: `Bearer ${keyFor(r)}` }, withBytes, `bytes ${r.path} ${withBytes.toString('hex').slice(0, 400)} as ${charset}`);
        await post(r.path, jsonHeaders(keyFor(r)), text, `control ${r.path} ${text.slice(0, 300)}`);
      }),
      params(120),
    );
  });

  it('huge and deeply nested bodies', async () => {
    const nested = fc.record({ r: route, depth: fc.integer({ min: 100, max: 400_000 }), open: fc.constantFrom('[', '{"a":'), where: fc.constantFrom('top', 'field', 'content') });
    await fc.assert(
      fc.asyncProperty(nested, async ({ r, depth, open, where }) => {
        const close = open === '[' ? ']' : '}';
        const deep = open.repeat(depth) + '1' + close.repeat(depth);
        const inner = JSON.stringify(r.body).slice(0, -1);
        const body = where === 'top' ? deep : where === 'field' ? `${inner},"extra":${deep}}` : JSON.stringify(setPath(r.body, ['messages', '0', 'content'], 'x')).replace('"x"', deep);
        await post(r.path, jsonHeaders(keyFor(r)), body, `nested ${r.path} depth ${depth} ${open} at ${where}`);
      }),
      params(30),
    );
    const limit = 4 * 1024 * 1024;
    for (const size of [limit - 1024, limit + 1, 3 * limit]) {
      const body = JSON.stringify({ ...CHAT, pad: 'a'.repeat(size) });
      const sent = post('/v1/chat/completions', jsonHeaders(memberKey), body, `huge body of ${body.length} B`);
      if (body.length <= limit) {
        expect((await sent).status).toBeLessThan(500);
        continue;
      }
      // Over the limit the gateway answers 413 without reading the rest and closes the connection; a client
      // still writing may see that as EPIPE or a reset instead of the answer. Either way nothing else may happen.
      const answer = await sent.catch((err: NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException }) => {
        const code = err.code ?? err.cause?.code;
        if (code === 'EPIPE' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return undefined;
        throw err;
      });
      if (answer) expect(answer.status).toBe(413);
    }
    const manyMessages = JSON.stringify({ model: 'mock-gpt', messages: Array.from({ length: 100_000 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'x' })) });
    await post('/v1/chat/completions', jsonHeaders(memberKey), manyMessages, '100,000 messages');
  });

  it('giant prompts of 0.2 to 2 MB, dense with personal data', async () => {
    const words = ['quarterly', 'report', 'grace@example.org', 'deploy', 'Δοκιμή', '東京', '🙂', 'null', '\\n', '4111 1111 1111 1111'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200_000, max: 2_000_000 }), fc.nat(), fc.boolean(), async (bytes, salt, stream) => {
        let content = '';
        for (let i = 0; content.length < bytes; i++) content += `${words[(i * 7 + salt) % words.length]} `;
        const body = JSON.stringify({ model: 'mock-gpt', stream, messages: [{ role: 'user', content: content.slice(0, bytes / 1.2) }] });
        const started = Date.now();
        const answer = await post('/v1/chat/completions', jsonHeaders(memberKey), body, `giant prompt of ${body.length} B`);
        console.log(`[fuzz] giant prompt of ${(body.length / 1e6).toFixed(1)} MB${stream ? ', streamed' : ''}: ${answer.status} in ${Date.now() - started} ms`);
      }),
      params(3),
    );
  });

  it('hostile SSE clients that disconnect at random, while the upstream sees the abort', async () => {
    upstream.reset();
    const port = Number(new URL(helix.url).port);
    const before = upstream.aborts().length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3000 }), fc.boolean(), fc.constantFrom('/v1/chat/completions', '/v1/messages', '/v1/responses'), async (readBytes, resetEarly, path) => {
        const body = path === '/v1/responses' ? { model: 'mock-gpt', input: 'stream a long answer', stream: true } : { model: 'mock-gpt', max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'stream a long answer' }] };
        await hostileStream(port, path, memberKey, JSON.stringify(body), readBytes, resetEarly);
      }),
      params(25),
    );
    await until(() => upstream.aborts().length > before, 'the upstream to see a stream cut by a hostile client', 10_000);
  });

  it('is still up and answering after all of it', async () => {
    expect(helix.process.exitCode).toBeNull();
    expect((await fetch(`${helix.url}/health/ready`)).status).toBe(200);
    const answer = await http.send('POST', '/v1/chat/completions', jsonHeaders(memberKey), JSON.stringify(CHAT));
    expect(answer.status).toBe(200);
    expect(helix.logs()).not.toMatch(/uncaught|unhandled/i);
    expect(helix.logs()).not.toMatch(/"msg":"internal error"/);
  });
});
