import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsBus } from '@helix/bus';
import { AdminOp, BudgetVerdict, RpcSubjects, uuidv7 } from '@helix/contracts';
import { sleep, until } from '../../support/wait.js';
import { completed, costOf, costWorld, newTenant, publishCompleted } from './support/cost-world.js';
import { httpReceiver, smtpReceiver } from './support/receivers.js';

const ESCALATE_MS = 2_000;

describe('budget alerts: delivered to a local webhook, Slack and SMTP receiver, once each, and escalated', () => {
  let world: Awaited<ReturnType<typeof costWorld>>;
  let http: Awaited<ReturnType<typeof httpReceiver>>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let gateway: NatsBus;

  beforeAll(async () => {
    http = await httpReceiver(['/hook']);
    smtp = await smtpReceiver();
    world = await costWorld({
      HELIX__COST__ALERTS__SMTP__URL: smtp.url,
      HELIX__COST__ALERTS__ESCALATEAFTERMS: String(ESCALATE_MS),
      HELIX__COST__ALERTS__CHECKINTERVALMS: '250',
    });
    await Promise.all([world.instance(), world.instance()]);
    gateway = await world.gateway();
  }, 90_000);
  afterAll(async () => {
    await world?.close();
    await http?.close();
    await smtp?.close();
  });

  const channel = (orgId: string, kind: string, target: string, extra: Record<string, unknown> = {}) =>
    gateway.request(RpcSubjects.costChannels, { op: AdminOp.CREATE, scope: { orgId }, channel: { kind, target, ...extra } }, { timeoutMs: 5_000 });
  const alertsAt = (path: string) => http.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

  it('thresholds, the hard limit, its escalation and an unpriced model arrive with the right content, once per channel', async () => {
    const tenant = newTenant();
    const secret = 'a-test-secret-of-some-length';
    await channel(tenant.orgId, 'webhook', `${http.url}/hook`, { secret });
    await channel(tenant.orgId, 'slack', `${http.url}/slack`);
    await channel(tenant.orgId, 'email', 'ops@example.test');
    await channel(tenant.orgId, 'webhook', `${http.url}/escalate`, { secret, escalation: true });
    const limit = costOf(1_000, 0) * 10n;
    await world.createBudget(gateway, { orgId: tenant.orgId, level: 'team', scopeId: tenant.teamId, period: 'daily', amountPicoUsd: limit, hardLimitPicoUsd: limit, thresholds: [50, 100] });

    for (let i = 0; i < 6; i++) await publishCompleted(gateway, completed(tenant, { input: 1_000, output: 0 }));
    await until(() => alertsAt('/hook').length >= 1 && alertsAt('/slack').length >= 1 && smtp.mails.length >= 1, 'the 50% alert on every channel', 20_000);
    const first = alertsAt('/hook')[0]!;
    expect(first).toMatchObject({ kind: 'threshold', threshold_percent: 50, level: 'team', scope_id: tenant.teamId, period: 'daily', spend_usd: expect.stringMatching(/^0\.00[56]$/), limit_usd: '0.01' });
    expect(http.failed.has('/hook')).toBe(true);
    const signed = http.received.find((r) => r.path === '/hook')!;
    const [t, v1] = String(signed.headers['x-helix-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${signed.body}`).digest('hex'));
    expect(smtp.mails[0]!.to).toEqual(['ops@example.test']);
    expect(smtp.mails[0]!.raw).toMatch(/threshold/);
    expect((alertsAt('/slack')[0]!.text as string)).toMatch(/passed 50%/);

    for (let i = 0; i < 5; i++) await publishCompleted(gateway, completed(tenant, { input: 1_000, output: 0 }));
    await until(() => alertsAt('/hook').some((a) => a.kind === 'hard_limit') && alertsAt('/hook').some((a) => a.threshold_percent === 100), 'the 100% and hard-limit alerts', 20_000);
    const refused = await gateway.request(RpcSubjects.costReserve, { reservationId: uuidv7(), tenant, model: 'test-model', promptTokens: 10, maxTokens: 10 }, { timeoutMs: 5_000 });
    expect(refused.verdict).toBe(BudgetVerdict.REFUSE);
    await until(() => alertsAt('/escalate').length === 1, 'the escalation', ESCALATE_MS + 15_000);
    expect(alertsAt('/escalate')[0]).toMatchObject({ kind: 'escalation', level: 'team', scope_id: tenant.teamId });

    await publishCompleted(gateway, { ...completed(tenant, { input: 10, output: 10 }), requestedModel: 'mystery-model', servedModel: 'mystery-model', deployment: 'x/mystery-model' });
    await publishCompleted(gateway, { ...completed(tenant, { input: 10, output: 10 }), requestedModel: 'mystery-model', servedModel: 'mystery-model', deployment: 'x/mystery-model' });
    await until(() => alertsAt('/hook').some((a) => a.kind === 'unpriced_model'), 'the unpriced-model alert', 20_000);

    await sleep(ESCALATE_MS + 1_500);
    const kinds = alertsAt('/hook').map((a) => `${String(a.kind)}:${String(a.threshold_percent)}`).sort();
    expect(kinds).toEqual(['hard_limit:0', 'threshold:100', 'threshold:50', 'unpriced_model:0']);
    expect(alertsAt('/slack')).toHaveLength(4);
    expect(smtp.mails).toHaveLength(4);
    expect(alertsAt('/escalate')).toHaveLength(1);
    const unpriced = alertsAt('/hook').find((a) => a.kind === 'unpriced_model')!;
    expect(unpriced).toMatchObject({ model: 'mystery-model' });
    const { rows } = await world.sql.query('SELECT unpriced, input_tokens FROM cost.ledger WHERE org_id = $1 AND served_model = $2', [tenant.orgId, 'mystery-model']);
    expect(rows).toEqual([{ unpriced: true, input_tokens: 10 }, { unpriced: true, input_tokens: 10 }]);
  });
});
