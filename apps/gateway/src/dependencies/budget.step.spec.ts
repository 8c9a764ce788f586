import { describe, expect, it } from 'vitest';
import { BudgetVerdict, ErrorCodes, HelixError, type BudgetReserveReply } from '@helix/contracts';
import type { PipelineStepConfig } from '@helix/config';
import { RequestState } from '../pipeline/request-state.js';
import { BudgetStep } from './budget.step.js';
import { CHARS_PER_MS_FLOOR } from './sized-timeout.js';
import type { BudgetPort } from './ports.js';

const config = () => ({ enabled: true, timeoutMs: 100, failOpen: false, failOpenTeams: [] }) as PipelineStepConfig;
const identity = { keyId: 'k', userId: 'u', teamId: 't', orgId: 'o', role: 'member', models: null, expiresAt: null, keyLimits: {}, teamLimits: {}, master: false } as const;

function setup(reply: Partial<BudgetReserveReply>, body: Record<string, unknown> = {}) {
  const sent: unknown[] = [];
  const timeouts: number[] = [];
  const port: BudgetPort = {
    reserve: async (req, timeoutMs) => {
      sent.push(req);
      timeouts.push(timeoutMs);
      return { verdict: BudgetVerdict.ALLOW, level: '', scopeId: '', reservedPicoUsd: 10n, cappedMaxTokens: 0, swapModel: '', message: '', ...reply } as BudgetReserveReply;
    },
  };
  const swaps: string[] = [];
  const step = new BudgetStep(port, config, (_s, model) => swaps.push(model));
  const state = new RequestState('chat.completions', 'c', { model: 'm', messages: [], ...body }, {});
  state.identity = { ...identity };
  state.route = { name: 'm', configName: 'm', kind: 'chat', tools: true, vision: true, ownedBy: 'x', deployments: [{ id: 'a/up', provider: 'openai', model: 'upstream-m', baseUrl: '', timeoutMs: 1 }] };
  return { step, state, sent, swaps, timeouts };
}

describe('BudgetStep', () => {
  it('reserves with the upstream model to price by, and keeps the reservation for the completed event', async () => {
    const { step, state, sent } = setup({}, { max_tokens: 300 });
    await step.before(state);
    expect(sent[0]).toMatchObject({ reservationId: state.eventId, model: 'm', priceModel: 'upstream-m', maxTokens: 300, tenant: { orgId: 'o', teamId: 't' } });
    expect(state.budget).toEqual({ reservationId: state.eventId, reservedPicoUsd: 10n, cappedMaxTokens: 0 });
  });

  it('waits the configured timeout plus time for the size of the prompt (in one process it waits behind the PII scan)', async () => {
    const { step, state, timeouts } = setup({});
    state.estimatedPromptTokens = 250_000;
    await step.before(state);
    expect(timeouts).toEqual([100 + (250_000 * 4) / CHARS_PER_MS_FLOOR]);
  });

  it('a strict budget caps the output limit the client set, or sets one, and says so', async () => {
    const a = setup({ cappedMaxTokens: 70 }, { max_completion_tokens: 500 });
    await a.step.before(a.state);
    expect(a.state.body).toMatchObject({ max_completion_tokens: 70 });
    expect(a.state.body.max_tokens).toBeUndefined();
    expect(a.state.responseHeaders['x-helix-budget-capped']).toBe('70');
    const b = setup({ cappedMaxTokens: 70 });
    await b.step.before(b.state);
    expect(b.state.body.max_tokens).toBe(70);
    const c = setup({ cappedMaxTokens: 0 }, { max_tokens: 500 });
    await c.step.before(c.state);
    expect(c.state.body.max_tokens).toBe(500);
    expect(c.state.responseHeaders['x-helix-budget-capped']).toBeUndefined();
  });

  it('refuses with a 429 budget_exceeded naming the level', async () => {
    const { step, state } = setup({ verdict: BudgetVerdict.REFUSE, level: 'team', scopeId: 't', message: 'The team budget (t) has reached its daily hard limit, so the request was refused.' });
    const err = (await step.before(state).catch((e: unknown) => e)) as HelixError;
    expect(err).toBeInstanceOf(HelixError);
    expect(err).toMatchObject({ status: 429, code: ErrorCodes.budgetExceeded, headers: { 'x-helix-budget-level': 'team' } });
    expect(err.message).toMatch(/team budget/);
  });

  it('asks for the swap a policy names', async () => {
    const { step, state, swaps } = setup({ swapModel: 'cheap' });
    await step.before(state);
    expect(swaps).toEqual(['cheap']);
  });
});
