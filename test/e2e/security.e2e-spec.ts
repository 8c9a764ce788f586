import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { TestIssuer } from '../integration/security/support/jwks-server.js';
import { admin, provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let upstream: MockUpstream;
let decoy: MockUpstream;
let issuer: TestIssuer;
let member: ProvisionedKey;
let other: ProvisionedKey;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  upstream = await startMockUpstream({ chunks: 2, chunkDelayMs: 1 });
  decoy = await startMockUpstream({ chunks: 2, chunkDelayMs: 1 });
  helix = await spawnHelix('standalone', {
    config: {
      mode: 'embedded',
      http: { bodyLimitBytes: 65_536 },
      providers: [{ name: 'up', type: 'openai-compatible', baseUrl: upstream.baseUrl, apiKey: 'sk-e2e' }],
      models: [{ name: 'mock-gpt', deployments: [{ provider: 'up', model: 'mock-gpt' }] }],
      auth: { jwt: { issuer: issuer.issuer, audiences: ['helix'], jwksCooldownMs: 0, roleValues: [{ value: 'data-team', role: 'analyst' }] } },
      limits: { defaults: { maxMessages: 4, maxTokens: 200 } },
    },
  });
  member = await provisionKey(helix.url, helix.masterKey(), { role: 'member' });
  other = await provisionKey(helix.url, helix.masterKey(), { role: 'member' });
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  await upstream?.close();
  await decoy?.close();
  await issuer?.close();
});

const unique = (tag: string) => `${tag} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
const chat = (credential: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${helix.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'mock-gpt', ...body }),
  });
const ask = (content: string) => ({ messages: [{ role: 'user', content }] });
const claimsOf = (k: ProvisionedKey, extra: Record<string, unknown> = {}) => ({ sub: `sso-${k.userId.slice(0, 8)}`, org_id: k.orgId, team_id: k.teamId, role: 'member', ...extra });

async function expectError(res: Response, status: number, match: Record<string, unknown>) {
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: unknown }).error).toMatchObject(match);
}

describe('SSO/JWT through the gateway', () => {
  it('a valid token of a provisioned team makes a chat call end to end (openai client, upstream reached)', async () => {
    const token = await issuer.token(claimsOf(member));
    const client = new OpenAI({ apiKey: token, baseURL: `${helix.url}/v1`, maxRetries: 0 });
    const before = upstream.requests().length;
    const answer = await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: unique('sso hello') }] });
    expect(answer.choices[0]!.message.content).toBeTruthy();
    expect(upstream.requests().length).toBe(before + 1);
  });

  it('expiry, a wrong audience, a wrong issuer and a bad signature are 401 OpenAI-style errors', async () => {
    const past = Math.floor(Date.now() / 1000) - 300;
    const tokens = [
      await issuer.token(claimsOf(member), { expiresIn: past }),
      await issuer.token(claimsOf(member, { aud: 'another-app' })),
      await issuer.token(claimsOf(member, { iss: 'http://127.0.0.1:9/other' })),
      await issuer.token(claimsOf(member), { key: await issuer.forger() }),
    ];
    for (const token of tokens) await expectError(await chat(token, ask(unique('refused'))), 401, { type: 'authentication_error', code: 'invalid_api_key' });
  });

  it('a token naming a team outside its org is refused; the same token with its own org passes', async () => {
    await expectError(await chat(await issuer.token(claimsOf(member, { org_id: other.orgId })), ask(unique('x'))), 401, { type: 'authentication_error' });
    expect((await chat(await issuer.token(claimsOf(member)), ask(unique('y')))).status).toBe(200);
  });

  it('revoking the team refuses its tokens at once (same cache eviction as keys)', async () => {
    const doomed = await provisionKey(helix.url, helix.masterKey(), { role: 'member' });
    const token = await issuer.token(claimsOf(doomed));
    expect((await chat(token, ask(unique('before revoke')))).status).toBe(200);
    await admin(helix.url, helix.masterKey(), 'DELETE', `/admin/teams/${doomed.teamId}`);
    await expectError(await chat(token, ask(unique('after revoke'))), 401, { code: 'invalid_api_key' });
  });

  it('roles apply: a member token cannot use the admin API; an analyst token reads analytics (the dashboard login)', async () => {
    const memberToken = await issuer.token(claimsOf(member));
    const admin = await fetch(`${helix.url}/admin/orgs`, { headers: { authorization: `Bearer ${memberToken}` } });
    expect(admin.status).toBe(403);
    const analyst = await issuer.token(claimsOf(member, { role: ['staff', 'data-team'] }));
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    const q = new URLSearchParams({ from: new Date(to.getTime() - 3_600_000).toISOString(), to: to.toISOString() });
    const rows = await fetch(`${helix.url}/v1/analytics/requests?${q}`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(rows.status).toBe(200);
    const asMember = await fetch(`${helix.url}/v1/analytics/requests?${q}`, { headers: { authorization: `Bearer ${memberToken}` } });
    expect(asMember.status).toBe(403);
  });

  it('follows key rotation: a token of the new key works after the refetch, the old key fails once it is gone', async () => {
    const oldKey = issuer.current;
    expect((await chat(await issuer.token(claimsOf(member)), ask(unique('before rotation')))).status).toBe(200);
    await issuer.rotate(`k-${Date.now()}`);
    expect((await chat(await issuer.token(claimsOf(member)), ask(unique('after rotation')))).status).toBe(200);
    await expectError(await chat(await issuer.token(claimsOf(member), { key: oldKey }), ask(unique('old key'))), 401, { code: 'invalid_api_key' });
  });
});

describe('security headers on gateway answers', () => {
  it('JSON and streamed chat answers and errors carry nosniff, no framing and a closed CSP; no CORS by default', async () => {
    const answers = [
      await chat(member.key, ask(unique('headers'))),
      await chat(member.key, { ...ask(unique('headers stream')), stream: true }),
      await chat('hx-not-a-key', ask('x')),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      await res.text();
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401]);
  });
});

describe('request limits', () => {
  it('a body over http.bodyLimitBytes is a 413 OpenAI-style error', async () => {
    await expectError(await chat(member.key, ask('x'.repeat(70_000))), 413, { type: 'invalid_request_error', code: 'payload_too_large' });
  });

  it('too many messages or too large a max_tokens is a 400 naming the param; at the ceiling it passes', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ role: 'user', content: unique(`m${i}`) }));
    await expectError(await chat(member.key, { messages: five }), 400, { type: 'invalid_request_error', param: 'messages' });
    await expectError(await chat(member.key, { ...ask(unique('big')), max_tokens: 201 }), 400, { type: 'invalid_request_error', param: 'max_tokens' });
    await expectError(await chat(member.key, { ...ask(unique('big')), max_completion_tokens: 201 }), 400, { param: 'max_completion_tokens' });
    expect((await chat(member.key, { messages: five.slice(1), max_tokens: 200 })).status).toBe(200);
  });

  it('a team with its own ceiling (limits.teams, applied on reload) gets it; other teams keep the default', async () => {
    const file = join(helix.dataDir, 'helix.yaml');
    const config = parse(readFileSync(file, 'utf8')) as { limits: Record<string, unknown> };
    config.limits = { defaults: { maxMessages: 4, maxTokens: 200 }, teams: [{ teamId: member.teamId, maxTokens: 500 }] };
    writeFileSync(file, stringify(config));
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await chat(member.key, { ...ask(unique('team ceiling')), max_tokens: 400 })).status;
    }
    expect(status).toBe(200);
    await expectError(await chat(member.key, { ...ask(unique('team ceiling')), max_tokens: 501 }), 400, { param: 'max_tokens' });
    await expectError(await chat(other.key, { ...ask(unique('other team')), max_tokens: 400 }), 400, { param: 'max_tokens' });
  });
});

describe('the configured upstream base URL cannot be overridden by a request', () => {
  it('every plausible override in body and headers still reaches the configured upstream, never the decoy', async () => {
    const target = decoy.baseUrl;
    const overrides: { body: Record<string, unknown>; headers: Record<string, string> }[] = [
      { body: { base_url: target }, headers: {} },
      { body: { api_base: target }, headers: {} },
      { body: { baseURL: target, baseUrl: target, api_base_url: target, endpoint: target, url: target }, headers: {} },
      { body: { extra_body: { base_url: target, api_base: target } }, headers: {} },
      { body: { provider: { base_url: target }, metadata: { base_url: target } }, headers: {} },
      {
        body: {},
        headers: {
          'x-base-url': target, 'x-api-base': target, 'x-upstream-url': target, 'x-helix-base-url': target, 'x-openai-base-url': target,
          'openai-base-url': target, 'x-forwarded-host': new URL(target).host, 'x-target-url': target, 'x-provider-url': target,
        },
      },
    ];
    const seen = upstream.requests().length;
    const statuses: number[] = [];
    for (const { body, headers } of overrides) statuses.push((await chat(member.key, { ...ask(unique('override')), ...body }, headers)).status);
    expect(statuses).toEqual(overrides.map(() => 200));
    expect(upstream.requests().length).toBe(seen + overrides.length);
    expect(decoy.requests()).toHaveLength(0);
    const direct = await fetch(`${decoy.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-direct', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: 'direct' }] }),
    });
    expect(direct.status).toBe(200);
    expect(decoy.requests()).toHaveLength(1);
  });
});
