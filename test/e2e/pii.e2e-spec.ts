import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const NAME = 'Grace Hopper';
const EMAIL = 'grace.hopper@navy.example.org';
const CARD = '4111 1111 1111 1111';
const SSN = '536-22-8726';
const PROMPT = `My name is ${NAME}. Mail me at ${EMAIL} and charge card ${CARD}.`;

let upstream: MockUpstream;
let helix: HelixProcess;
let client: OpenAI;
let key: string;

beforeAll(async () => {
  upstream = await startMockUpstream();
  helix = await spawnHelix('standalone', {
    config: {
      providers: [{ name: 'upstream', type: 'openai-compatible', baseUrl: upstream.baseUrl }],
      models: [{ name: 'gpt-test', deployments: [{ provider: 'upstream', model: 'mock-gpt' }] }],
      pipeline: { pii: { enabled: true, timeoutMs: 5000 }, budget: { enabled: false }, cache: { enabled: false } },
      pii: { defaultPolicy: { operators: [{ entity: 'US_SSN', operator: 'block' }] } },
    },
  });
  key = (await provisionKey(helix.url, helix.masterKey())).key;
  client = new OpenAI({ apiKey: key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await helix?.dispose();
  await upstream?.close();
});

/** The text of the last request the mock upstream received. */
const lastUpstreamPrompt = () => {
  const body = upstream.requests().at(-1)!.body as { messages: { content: string }[] };
  return body.messages.map((m) => m.content).join('\n');
};

const post = (path: string, body: unknown) =>
  fetch(`${helix.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

describe('PII through the embedded gateway with the openai client', () => {
  it('sends the upstream placeholders only, and gives the caller the answer with the values back', async () => {
    upstream.reset();
    const res = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: PROMPT }] });
    const sent = lastUpstreamPrompt();
    expect(sent).toContain('<PERSON_1>');
    expect(sent).toContain('<EMAIL_ADDRESS_1>');
    expect(sent).toContain('<CREDIT_CARD_1>');
    for (const v of [NAME, EMAIL, CARD]) expect(sent).not.toContain(v);
    const answer = res.choices[0]!.message.content!;
    expect(answer).toContain(`Mock answer to: ${PROMPT}`);
    expect(answer).not.toMatch(/<[A-Z_]+_\d+>/);
  });

  it('restores the values in a streamed answer, placeholders split over chunks included', async () => {
    upstream.reset();
    const stream = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: PROMPT }], stream: true });
    let text = '';
    let chunks = 0;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      chunks++;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toContain(`Mock answer to: ${PROMPT}`);
    expect(text).not.toMatch(/<[A-Z_]+_\d+>/);
    const sent = lastUpstreamPrompt();
    expect(sent).toContain('<EMAIL_ADDRESS_1>');
    expect(sent).not.toContain(EMAIL);
  });

  it('a block policy refuses with 400 pii_blocked, naming the type and never the value, before any upstream call', async () => {
    upstream.reset();
    const err = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `My SSN is ${SSN}, file it.` }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err).toMatchObject({ status: 400, code: 'pii_blocked' });
    expect((err as Error).message).toContain('US_SSN');
    expect((err as Error).message).not.toContain(SSN);
    expect(upstream.requests()).toHaveLength(0);
    await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'My SSN is not here.' }] });
    expect(upstream.requests()).toHaveLength(1);
  });

  it('answers /v1/pii/analyze and /v1/pii/anonymize in Presidio shapes', async () => {
    const text = `Call ${NAME} at +44 20 7946 0958 or ${EMAIL}`;
    const analyzed = (await (await post('/v1/pii/analyze', { text, language: 'en' })).json()) as { entity_type: string; start: number; end: number; score: number }[];
    expect(analyzed.map((r) => [r.entity_type, text.slice(r.start, r.end)])).toEqual([
      ['PERSON', NAME],
      ['PHONE_NUMBER', '+44 20 7946 0958'],
      ['EMAIL_ADDRESS', EMAIL],
    ]);
    expect(analyzed.every((r) => r.score > 0 && r.score <= 1)).toBe(true);
    const only = (await (await post('/v1/pii/analyze', { text, language: 'en', entities: ['EMAIL_ADDRESS'] })).json()) as { entity_type: string }[];
    expect(only.map((r) => r.entity_type)).toEqual(['EMAIL_ADDRESS']);

    const res = await post('/v1/pii/anonymize', {
      text,
      analyzer_results: analyzed,
      anonymizers: { DEFAULT: { type: 'replace', new_value: '<REDACTED>' }, PHONE_NUMBER: { type: 'mask', masking_char: '*', chars_to_mask: 4, from_end: true } },
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { text: string; items: { entity_type: string; operator: string; text: string }[] };
    expect(out.text).toBe('Call <REDACTED> at +44 20 7946 **** or <REDACTED>');
    expect(out.items.map((i) => [i.entity_type, i.operator, i.text]).sort()).toEqual([
      ['EMAIL_ADDRESS', 'replace', '<REDACTED>'],
      ['PERSON', 'replace', '<REDACTED>'],
      ['PHONE_NUMBER', 'mask', '+44 20 7946 ****'],
    ]);
    expect((await post('/v1/pii/analyze', { text, language: 'xx' })).status).toBe(400);
  });
});
