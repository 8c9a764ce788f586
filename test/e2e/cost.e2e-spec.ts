import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picoToUsd } from '@helix/cost';
import { httpReceiver, smtpReceiver } from '../integration/cost/support/receivers.js';
import { until } from '../support/wait.js';
import { admin, provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

/** mock-gpt (and mock-premium, served by it without a swap policy) at $3 / $15 per million tokens, mock-gpt-mini at $0.15 / $0.60. */
const PRICE = { 'mock-gpt': [3_000_000n, 15_000_000n], 'mock-gpt-mini': [150_000n, 600_000n] } as const;
const costOf = (model: keyof typeof PRICE, u: { prompt_tokens: number; completion_tokens: number }) =>
  BigInt(u.prompt_tokens) * PRICE[model][0] + BigInt(u.completion_tokens) * PRICE[model][1];

let helix: HelixProcess;
let http: Awaited<ReturnType<typeof httpReceiver>>;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;

beforeAll(async () => {
  http = await httpReceiver();
  smtp = await smtpReceiver();
  helix = await spawnHelix('standalone', {
    config: {
      mode: 'embedded',
      providers: [{ name: 'mock', type: 'mock' }],
      models: [
        { name: 'mock-gpt', deployments: [{ provider: 'mock', model: 'mock-gpt' }] },
        { name: 'mock-gpt-mini', deployments: [{ provider: 'mock', model: 'mock-gpt-mini' }] },
        { name: 'mock-premium', deployments: [{ provider: 'mock', model: 'mock-gpt' }] },
      ],
      pipeline: { budget: { enabled: true, timeoutMs: 5_000 } },
      cost: {
        prices: {
          overrides: [
            { model: 'mock-gpt', inputPerMTok: 3, outputPerMTok: 15 },
            { model: 'mock-gpt-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 },
            { model: 'mock-premium', inputPerMTok: 3, outputPerMTok: 15 },
          ],
        },
        swaps: [{ from: 'mock-gpt', to: 'mock-gpt-mini', atPercent: 50 }],
        budgetCacheMs: 0,
        alerts: { smtp: { url: smtp.url }, checkIntervalMs: 200 },
      },
    },
  });
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  await http?.close();
  await smtp?.close();
});

const client = (k: ProvisionedKey) => new OpenAI({ apiKey: k.key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
const master = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => admin<T>(helix.url, helix.masterKey(), method, path, body);
const ask = (content: string) => ({ model: 'mock-gpt', messages: [{ role: 'user' as const, content }] });
const keySpend = async (k: ProvisionedKey) => {
  const report = await master<{ data: { key: string; cost_usd: string; requests: number; savings_usd: { model_swap: string } }[] }>('GET', `/admin/spend?group_by=key&key_id=${k.keyId}`);
  return report.data[0];
};

describe('cost e2e: the embedded default with the openai client', () => {
  it('prices a non-stream answer exactly from the usage, in x-helix-cost', async () => {
    const k = await provisionKey(helix.url, helix.masterKey());
    const { data, response } = await client(k).chat.completions.create(ask('price me, please')).withResponse();
    expect(response.headers.get('x-helix-cost')).toBe(picoToUsd(costOf('mock-gpt', data.usage!)));
    expect(response.headers.get('x-helix-cost-status')).toBe('exact');
    await until(async () => (await keySpend(k))?.requests === 1, 'the ledger row', 15_000);
    expect((await keySpend(k))!.cost_usd).toBe(picoToUsd(costOf('mock-gpt', data.usage!)));
  });

  it('puts usage.cost on the final chunk when the client asks for usage', async () => {
    const k = await provisionKey(helix.url, helix.masterKey());
    const stream = await client(k).chat.completions.create({ ...ask('stream with usage'), stream: true, stream_options: { include_usage: true } });
    let usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage!.cost).toBe(Number(picoToUsd(costOf('mock-gpt', usage!))));
  });

  it('prices a stream exactly even when the client did not ask for usage', async () => {
    const reference = await client(await provisionKey(helix.url, helix.masterKey())).chat.completions.create(ask('the same words twice'));
    const k = await provisionKey(helix.url, helix.masterKey());
    const stream = await client(k).chat.completions.create({ ...ask('the same words twice'), stream: true });
    let usageChunks = 0;
    for await (const chunk of stream) if (chunk.usage) usageChunks++;
    expect(usageChunks).toBe(0);
    await until(async () => (await keySpend(k))?.requests === 1, 'the ledger row', 15_000);
    expect((await keySpend(k))!.cost_usd).toBe(picoToUsd(costOf('mock-gpt', reference.usage!)));
  });

  it('refuses with a 429 budget_exceeded naming the level, and alerts a webhook and an email once per threshold', async () => {
    const k = await provisionKey(helix.url, helix.masterKey());
    await master('POST', '/admin/alert-channels', { org_id: k.orgId, kind: 'webhook', target: `${http.url}/e2e-hook` });
    await master('POST', '/admin/alert-channels', { org_id: k.orgId, kind: 'email', target: 'finance@example.test' });
    await master('POST', '/admin/budgets', { org_id: k.orgId, team_id: k.teamId, level: 'key', scope_id: k.keyId, period: 'daily', amount_usd: '0.002', hard_limit_usd: '0.002' });
    let refusal: unknown;
    for (let i = 0; i < 20 && !refusal; i++) {
      try {
        await client(k).chat.completions.create({ ...ask(`spend ${i}`), model: 'mock-premium', max_tokens: 50 });
        await until(async () => (await keySpend(k))?.requests === i + 1, 'the ledger row', 15_000);
      } catch (err) {
        refusal = err;
      }
    }
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    const e = refusal as InstanceType<typeof OpenAI.RateLimitError>;
    expect(e.status).toBe(429);
    expect(e.code).toBe('budget_exceeded');
    expect(e.message).toMatch(/key budget/);
    expect(e.headers?.get('x-helix-budget-level')).toBe('key');
    const hooks = () => http.received.filter((r) => r.path === '/e2e-hook').map((r) => JSON.parse(r.body) as { id: string; kind: string; threshold_percent: number });
    const mails = () => smtp.mails.filter((m) => m.to.includes('finance@example.test'));
    await until(() => hooks().some((a) => a.kind === 'hard_limit') && mails().length === hooks().length, 'the alerts on both channels', 15_000);
    await new Promise((r) => setTimeout(r, 1_000));
    const ids = hooks().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hooks().filter((a) => a.kind === 'threshold').map((a) => a.threshold_percent)).toContain(50);
    expect(mails()).toHaveLength(ids.length);
    expect(mails()[0]!.raw).toMatch(/key/);
  });

  it('keeps the budget admin API to admins and team-admins', async () => {
    const member = await provisionKey(helix.url, helix.masterKey());
    const teamAdmin = await provisionKey(helix.url, helix.masterKey(), { role: 'team-admin', orgId: member.orgId, teamId: member.teamId });
    const status = async (k: ProvisionedKey, path: string) => (await fetch(`${helix.url}${path}`, { headers: { authorization: `Bearer ${k.key}` } })).status;
    expect(await status(member, '/admin/budgets')).toBe(403);
    expect(await status(member, '/admin/spend')).toBe(403);
    expect(await status(teamAdmin, '/admin/budgets')).toBe(200);
    const res = await fetch(`${helix.url}/admin/budgets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teamAdmin.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ level: 'org', period: 'daily', amount_usd: 1 }),
    });
    expect(res.status).toBe(403);
    const own = await admin<{ team_id: string; scope_id: string }>(helix.url, teamAdmin.key, 'POST', '/admin/budgets', { level: 'team', period: 'daily', amount_usd: '2.5' });
    expect(own).toMatchObject({ team_id: member.teamId, scope_id: member.teamId, amount_usd: '2.5' });
  });

  it('serves a cheaper model once the team passed the swap threshold, and says so', async () => {
    const k = await provisionKey(helix.url, helix.masterKey());
    const first = await client(k).chat.completions.create(ask('before the swap'));
    expect(first.model).toBe('mock-gpt');
    const one = costOf('mock-gpt', first.usage!);
    await master('POST', '/admin/budgets', { org_id: k.orgId, level: 'team', scope_id: k.teamId, period: 'monthly', amount_usd: picoToUsd(one * 3n) });
    await until(async () => (await keySpend(k))?.requests === 1, 'the ledger row', 15_000);
    await client(k).chat.completions.create(ask('before the swap, once more'));
    await until(async () => (await keySpend(k))?.requests === 2, 'the ledger row', 15_000);
    const { data, response } = await client(k).chat.completions.create(ask('after the swap')).withResponse();
    expect(data.model).toBe('mock-gpt-mini');
    expect(response.headers.get('x-helix-model-swapped')).toBe('mock-gpt->mock-gpt-mini');
    expect(response.headers.get('x-helix-cost')).toBe(picoToUsd(costOf('mock-gpt-mini', data.usage!)));
    await until(async () => (await keySpend(k))?.requests === 3, 'the ledger row', 15_000);
    expect(Number((await keySpend(k))!.savings_usd.model_swap)).toBeGreaterThan(0);
  });
  // Last: it restarts the process.
  it('keeps a hard budget across a restart of the embedded default, whose counters live in memory: they are seeded from the ledger', async () => {
    const k = await provisionKey(helix.url, helix.masterKey());
    await master('POST', '/admin/budgets', { org_id: k.orgId, team_id: k.teamId, level: 'key', scope_id: k.keyId, period: 'daily', amount_usd: '0.002', hard_limit_usd: '0.002' });
    const spentUsd = async () => (await master<{ data: { spent_usd: string }[] }>('GET', `/admin/spend/budgets?org_id=${k.orgId}`)).data[0]!.spent_usd;
    const request = async (i: number) => {
      try {
        await client(k).chat.completions.create({ ...ask(`restart ${i}`), model: 'mock-premium', max_tokens: 50 });
        return 'ok';
      } catch (err) {
        return (err as { code?: string }).code ?? String(err);
      }
    };
    let answered = 0;
    while ((await request(answered)) === 'ok') {
      answered++;
      await until(async () => (await keySpend(k))?.requests === answered, 'the ledger row', 15_000);
      expect(answered).toBeLessThan(20);
    }
    const before = await spentUsd();
    expect(Number(before)).toBeGreaterThan(0);

    await helix.restart();
    expect(await spentUsd()).toBe(before); // seeded by the spend view
    await helix.restart();
    expect(await request(100)).toBe('budget_exceeded'); // seeded by the reservation
    expect(await spentUsd()).toBe(before);
  }, 120_000);
});
