import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';
import { until } from '../support/wait.js';

const MASTER = 'e2e-cache-master-key-0123456789abcdefghij';

/** The embedded default with the cache (semantic for mock-gpt) and the pii-service in front of it, driven by the openai client. */
let helix: HelixProcess;
let teamA: ProvisionedKey;
let clientA: OpenAI;

const client = (key: string) => new OpenAI({ apiKey: key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
const user = (content: string, system?: string) => [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content }];

async function ask(c: OpenAI, content: string, opts: { system?: string; headers?: Record<string, string> } = {}) {
  const { data, response } = await c.chat.completions.create({ model: 'mock-gpt', messages: user(content, opts.system) }, { headers: opts.headers }).withResponse();
  return { text: data.choices[0]!.message.content ?? '', id: data.id, usage: data.usage, cache: response.headers.get('x-helix-cache'), similarity: response.headers.get('x-helix-cache-similarity'), verdict: response.headers.get('x-helix-cache-verdict'), cost: response.headers.get('x-helix-cost') };
}

/** Asks until the answer is a hit (the store runs after the response, off the caller's path). */
async function askUntilHit(c: OpenAI, content: string, opts: Parameters<typeof ask>[2] = {}) {
  let last: Awaited<ReturnType<typeof ask>> | undefined;
  await until(async () => (last = await ask(c, content, opts)).cache?.startsWith('hit') === true, `a hit for "${content}"`, 10_000);
  return last!;
}

async function stream(c: OpenAI, content: string) {
  const { data, response } = await c.chat.completions.create({ model: 'mock-gpt', messages: user(content), stream: true, stream_options: { include_usage: true } }).withResponse();
  let text = '';
  let usage = 0;
  for await (const chunk of data) {
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage++;
  }
  return { text, usage, cache: response.headers.get('x-helix-cache') };
}

beforeAll(async () => {
  helix = await spawnHelix('standalone', {
    env: { HELIX_MASTER_KEY: MASTER },
    config: {
      providers: [{ name: 'mock', type: 'mock' }],
      models: [{ name: 'mock-gpt', deployments: [{ provider: 'mock', model: 'mock-gpt' }] }],
      pipeline: { cache: { enabled: true, timeoutMs: 2_000 }, pii: { enabled: true, timeoutMs: 2_000 }, budget: { enabled: false } },
      cache: { semantic: { rules: [{ model: 'mock-gpt', enabled: true, threshold: 0.75 }] } },
    },
  });
  teamA = await provisionKey(helix.url, MASTER);
  clientA = client(teamA.key);
});
afterAll(() => helix?.dispose());

describe('the cache through the gateway (standalone, openai client)', () => {
  it('misses, then answers the same question from the cache with a fresh id, the tokens, and no cost', async () => {
    const first = await ask(clientA, 'Which ports does the staging firewall leave open?');
    expect(first.cache).toBe('miss');
    const hit = await askUntilHit(clientA, 'Which ports does the staging firewall leave open?');
    expect(hit.cache).toBe('hit-exact');
    expect(hit.text).toBe(first.text);
    expect(hit.id).not.toBe(first.id);
    expect(hit.usage?.total_tokens).toBe(first.usage?.total_tokens);
    expect(Number(hit.cost)).toBe(0);
  });

  it('answers a paraphrase (hit-semantic with its similarity), but not the same question with another number', async () => {
    await ask(clientA, 'How do I reset my password on the billing portal?');
    const para = await askUntilHit(clientA, 'How can I reset my password on the billing portal?');
    expect(para.cache).toBe('hit-semantic');
    expect(Number(para.similarity)).toBeGreaterThan(0.8);
    expect(para.text).toContain('How do I reset my password on the billing portal?');

    const three = 'How many days of paid leave do new employees of the Lisbon office get in their first 3 years?';
    await ask(clientA, three);
    await askUntilHit(clientA, three);
    const other = await ask(clientA, three.replace('3 years', '4 years'));
    expect(other.cache).toBe('miss');
    expect(other.verdict).toBe('numbers');
    expect(Number(other.similarity)).toBeGreaterThan(0.75);
    expect(other.text).toContain('4 years');
  });

  it('never serves another team, while a second key of the same team hits; another system prompt misses', async () => {
    const q = 'What is the escalation path for a sev-1 incident?';
    await ask(clientA, q);
    await askUntilHit(clientA, q);
    const sameTeam = client((await provisionKey(helix.url, MASTER, { orgId: teamA.orgId, teamId: teamA.teamId })).key);
    expect((await ask(sameTeam, q)).cache).toBe('hit-exact');
    const otherTeam = async () => client((await provisionKey(helix.url, MASTER, { orgId: teamA.orgId })).key);
    expect((await ask(sameTeam, 'What is the escalation path for a sev-1 incident, please?')).cache).toBe('hit-semantic');
    expect((await ask(await otherTeam(), 'What is the escalation path for a sev-1 incident, please?')).cache).toBe('miss');
    expect((await ask(await otherTeam(), q)).cache).toBe('miss');
    const system = await ask(clientA, q, { system: 'Answer as a pirate.' });
    expect(system.cache).toBe('miss');
  });

  it('stores a streamed answer once complete and replays it as SSE; a stored JSON answer serves a stream and the other way round', async () => {
    const q = 'Stream the onboarding checklist for new support engineers';
    const live = await stream(clientA, q);
    expect(live.cache).toBe('miss');
    let replay: Awaited<ReturnType<typeof stream>> | undefined;
    await until(async () => (replay = await stream(clientA, q)).cache === 'hit-exact', 'a streamed replay', 10_000);
    expect(replay!.text).toBe(live.text);
    expect(replay!.usage).toBe(1);
    expect((await ask(clientA, q)).text).toBe(live.text);

    const j = 'List the steps to rotate the database credentials';
    const json = await ask(clientA, j);
    await askUntilHit(clientA, j);
    const s = await stream(clientA, j);
    expect(s.cache).toBe('hit-exact');
    expect(s.text).toBe(json.text);
  });

  it('no-store neither reads nor writes; no-cache skips the lookup but still stores', async () => {
    const q = 'Which team owns the payments reconciliation job?';
    expect((await ask(clientA, q, { headers: { 'x-helix-cache': 'no-store' } })).cache).toBe('bypass');
    await new Promise((r) => setTimeout(r, 500));
    expect((await ask(clientA, q, { headers: { 'cache-control': 'no-store' } })).cache).toBe('bypass');
    await new Promise((r) => setTimeout(r, 500));
    expect((await ask(clientA, q, { headers: { 'x-helix-cache': 'no-cache' } })).cache).toBe('bypass');
    expect((await askUntilHit(clientA, q)).cache).toBe('hit-exact');
  });

  it('invalidates through /v1/cache (a team-admin, own team only), and reports stats', async () => {
    const q = 'Where do the nightly backups of the ledger go?';
    await ask(clientA, q);
    await askUntilHit(clientA, q);
    const teamAdmin = await provisionKey(helix.url, MASTER, { orgId: teamA.orgId, teamId: teamA.teamId, role: 'team-admin' });
    await until(async () => {
      const stats = await admin<{ data: { model: string; hits_exact: number; entries: number; saved_usd: string }[] }>(helix.url, teamAdmin.key, 'GET', '/v1/cache/stats');
      const row = stats.data.find((r) => r.model === 'mock-gpt');
      return !!row && row.hits_exact >= 1 && row.entries >= 1;
    }, 'stats with a hit', 10_000);
    const otherTeam = await provisionKey(helix.url, MASTER, { orgId: teamA.orgId });
    const refused = await fetch(`${helix.url}/v1/cache/invalidate`, { method: 'POST', headers: { authorization: `Bearer ${teamAdmin.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ team_id: otherTeam.teamId, all: true }) });
    expect(refused.status).toBe(403);
    const member = await fetch(`${helix.url}/v1/cache/invalidate`, { method: 'POST', headers: { authorization: `Bearer ${teamA.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ all: true }) });
    expect(member.status).toBe(403);
    const done = await admin<{ removed: number }>(helix.url, teamAdmin.key, 'POST', '/v1/cache/invalidate', { all: true });
    expect(done.removed).toBeGreaterThanOrEqual(1);
    expect((await ask(clientA, q)).cache).toBe('miss');
  });

  it('warms up from JSONL and reports health', async () => {
    const teamAdmin = await provisionKey(helix.url, MASTER, { orgId: teamA.orgId, teamId: teamA.teamId, role: 'team-admin' });
    const jsonl = [{ model: 'mock-gpt', prompt: 'What is the office wifi name?', answer: 'It is helix-guest.' }, { model: 'mock-gpt', prompt: 'Who approves expenses?', answer: 'Your manager.' }].map((l) => JSON.stringify(l)).join('\n');
    const res = await fetch(`${helix.url}/v1/cache/warm`, { method: 'POST', headers: { authorization: `Bearer ${teamAdmin.key}`, 'content-type': 'text/plain' }, body: jsonl });
    expect(await res.json()).toEqual({ stored: 2, skipped: 0 });
    const hit = await ask(clientA, 'What is the office wifi name?');
    expect(hit).toMatchObject({ cache: 'hit-exact', text: 'It is helix-guest.' });
    expect(await admin(helix.url, teamAdmin.key, 'GET', '/v1/cache/health')).toMatchObject({ ready: true, store: 'memory', index: 'local' });
  });

  it('shares one entry between prompts that differ only in a name, and gives each caller its own name back', async () => {
    const alice = await ask(clientA, 'Write a two-line birthday note for Alice Johnson');
    expect(alice.cache).toBe('miss');
    expect(alice.text).toContain('Alice Johnson');
    let bob: Awaited<ReturnType<typeof ask>> | undefined;
    await until(async () => (bob = await ask(clientA, 'Write a two-line birthday note for Robert Miller')).cache === 'hit-exact', 'the shared entry', 10_000);
    expect(bob!.text).toContain('Robert Miller');
    expect(bob!.text).not.toContain('Alice');
  });
});
