import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@helix/contracts';
import { budgetLines, costMigrationSet, localDay, MemoryBudgetCounters, PgLedgerStore, seedCounters, type Budget, type LedgerRow } from '@helix/cost';
import { runMigrationSets } from '@helix/persistence';
import { createTestDatabase } from '../../support/infra.js';

const TZ = 'UTC';
const NOW = Date.now();
const org = uuidv7();
const ids = { team: uuidv7(), otherTeam: uuidv7(), user: uuidv7(), otherUser: uuidv7(), key: uuidv7(), otherKey: uuidv7() };
const tenant = { orgId: org, teamId: ids.team, userId: ids.user, keyId: ids.key };

const row = (over: Partial<LedgerRow>): LedgerRow => ({
  requestId: uuidv7(), startedAtMs: NOW - 1_000, day: localDay(NOW - 1_000, TZ), orgId: org, teamId: ids.team, userId: ids.user, keyId: ids.key,
  endpoint: 'chat.completions', requestedModel: 'gpt-x', servedModel: 'gpt-x', provider: 'mock', outcome: 1, cacheStatus: 0,
  inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costPico: 1n, cacheSavedPico: 0n,
  swapSavedPico: 0n, promptCacheSavedPico: 0n, estimated: false, unpriced: false, priceVersion: 'test', swappedFromModel: '', ...over,
});

const budget = (level: Budget['level'], scopeId: string, over: Partial<Budget> = {}): Budget => ({
  id: uuidv7(), orgId: org, teamId: level === 'org' ? null : ids.team, level, scopeId, period: 'daily', amountPico: 10n ** 12n, thresholds: [],
  hardLimitPico: 10n ** 12n, strict: false, modelCaps: [], createdAt: NOW, updatedAt: NOW, ...over,
});

describe('seeding budget counters from the ledger (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: pg.Client;
  let ledger: PgLedgerStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    await runMigrationSets({ url: db.url }, [costMigrationSet]);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    ledger = new PgLedgerStore({ query: async (text: string, params?: unknown[]) => (await sql.query(text, params)).rows });
    await ledger.insert([
      row({ costPico: 1n }),
      row({ costPico: 10n, teamId: ids.otherTeam, userId: ids.otherUser, keyId: ids.otherKey }),
      row({ costPico: 100n, userId: ids.otherUser, keyId: ids.otherKey }),
      row({ costPico: 1_000n, requestedModel: 'gpt-y', servedModel: 'gpt-y' }),
      row({ costPico: 10_000n, requestedModel: 'gpt-x', servedModel: '' }),
      row({ costPico: 100_000n, startedAtMs: NOW - 3 * 86_400_000, day: localDay(NOW - 3 * 86_400_000, TZ) }),
      row({ costPico: 1_000_000n, orgId: uuidv7() }),
    ]);
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('counts, for each level, the rows of its scope and model in the current period only', async () => {
    const budgets = [
      budget('org', org, { modelCaps: [{ model: 'gpt-x', limitPico: 10n ** 12n }] }),
      budget('team', ids.team),
      budget('user', ids.user),
      budget('key', ids.key),
    ];
    const lines = budgetLines(budgets, tenant, 'gpt-x', NOW, TZ);
    expect(lines.map((l) => `${l.budget.level}${l.model ? `:${l.model}` : ''}`)).toEqual(['org', 'org:gpt-x', 'team', 'user', 'key']);
    const counters = new MemoryBudgetCounters();
    await seedCounters(counters, ledger, org, lines, NOW);
    const spent = (await counters.read(org, lines.map((l) => l.counterId))).map((r) => r.spent);
    // org: every row of the org today; its gpt-x cap: not the gpt-y row; team: not the other team's;
    // user and key: only the tenant's own rows (not the team mate's). Rows of another day or org never count.
    expect(spent).toEqual([11_111n, 10_111n, 11_101n, 11_001n, 11_001n]);
  });
});
