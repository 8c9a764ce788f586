import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { AlertKind, type BudgetAlert } from '@helix/contracts';
import { AlertRaiser, AnomalyJob, PgAlertStore, costMigrationSet } from '@helix/cost';
import type { AlertsConfig } from '@helix/config';
import { createDataSource } from '@helix/persistence';
import { createTestDatabase } from '../../support/infra.js';

const HOUR = 3_600_000;
const config = { anomalyFactor: 3, anomalyBaselineHours: 24, anomalyMinUsd: 1 } as AlertsConfig;

describe('spend anomalies on real Postgres', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  const published: BudgetAlert[] = [];
  let job: AnomalyJob;
  const now = Math.floor(Date.now() / HOUR) * HOUR + 30 * 60_000;
  const hour = Math.floor(now / HOUR) * HOUR;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url }, costMigrationSet, { runMigrations: true });
    const raiser = new AlertRaiser(new PgAlertStore(ds), async (a) => void published.push(a), () => 0);
    job = new AnomalyJob(ds, raiser, () => config);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const spend = async (team: string, hoursAgo: number, usd: number) =>
    ds.query('INSERT INTO cost.hourly_team (hour, org_id, team_id, cost_pico) VALUES ($1, $2, $3, $4)', [new Date(hour - hoursAgo * HOUR), 'org', team, BigInt(Math.round(usd * 1e6)) * 1_000_000n]);

  it("flags a team whose current hour is far above its baseline, once an hour, and not a steady team (the control)", async () => {
    for (let h = 1; h <= 24; h++) {
      await spend('spiky', h, 2 + (h % 3) * 0.1);
      await spend('steady', h, 2 + (h % 3) * 0.1);
    }
    await spend('spiky', 0, 40);
    await spend('steady', 0, 2.1);
    await spend('small', 0, 0.5);
    expect(await job.run(now)).toBe(1);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kind: AlertKind.SPEND_ANOMALY, scopeId: 'spiky', level: 'team', spendPicoUsd: 40_000_000_000_000n });
    expect(published[0]!.score).toBeGreaterThan(3);
    expect(await job.run(now + 60_000)).toBe(0);
    expect(published).toHaveLength(1);
  });
});
