import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSenders, ScheduledReportsJob, SeriesUseCase, type ReportSpec } from '@helix/analytics';
import { httpReceiver, smtpReceiver } from '../cost/support/receivers.js';
import { analyticsDb, completed } from './support/analytics-db.js';

const DAY = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const MONDAY = TODAY - ((new Date(TODAY).getUTCDay() + 6) % 7) * DAY;

describe('scheduled reports by SMTP and webhook', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof httpReceiver>>;
  beforeAll(async () => {
    db = await analyticsDb();
    smtp = await smtpReceiver();
    hooks = await httpReceiver(['/flaky']);
    const at = TODAY - DAY + 3_600_000;
    await db.ingest.requests([
      completed({ at, org: 'o-rep', team: 'alpha', model: 'big', costPico: 2_500_000_000_000n }),
      completed({ at: at + 1_000, org: 'o-rep', team: 'beta', model: 'small', costPico: 500_000_000_000n }),
      completed({ at: TODAY + 1_000, org: 'o-rep', team: 'alpha', model: 'big', costPico: 9_000_000_000_000n }),
      completed({ at: MONDAY - 2 * DAY, org: 'o-rep', team: 'gamma', model: 'big', costPico: 1_000_000_000_000n }),
    ]);
  });
  afterAll(async () => {
    await smtp?.close();
    await hooks?.close();
    await db?.close();
  });

  it('sends each report once per period, to its emails and webhook; a failed delivery is sent again on the next run', async () => {
    const specs: ReportSpec[] = [
      { name: 'org-daily', schedule: 'daily', orgId: 'o-rep', email: ['finance@example.test'], webhookUrl: `${hooks.url}/daily` },
      { name: 'gamma-weekly', schedule: 'weekly', orgId: 'o-rep', teamId: 'gamma', email: [], webhookUrl: `${hooks.url}/weekly` },
      { name: 'flaky-daily', schedule: 'daily', orgId: 'o-rep', email: [], webhookUrl: `${hooks.url}/flaky` },
    ];
    const failures: string[] = [];
    const job = new ScheduledReportsJob(db.sql, new SeriesUseCase(db.sql), reportSenders(() => ({ url: smtp.url, from: 'helix@example.test' }), () => 5_000), () => specs, (name) => failures.push(name));

    expect(await job.run(Date.now())).toEqual(['org-daily', 'gamma-weekly']);
    expect(failures).toEqual(['flaky-daily']);
    expect(await job.run(Date.now())).toEqual(['flaky-daily']);
    expect(await job.run(Date.now())).toEqual([]);

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['finance@example.test']);
    expect(smtp.mails[0]!.raw).toContain('Spend: $3 ');
    expect(smtp.mails[0]!.raw).toMatch(/alpha: \$2\.5 \(1 requests\)/);
    const daily = JSON.parse(hooks.received.find((r) => r.path === '/daily')!.body);
    expect(daily).toMatchObject({ report: 'org-daily', from: new Date(TODAY - DAY).toISOString(), to: new Date(TODAY).toISOString(), totals: { requests: 2, cost_usd: '3' } });
    expect(daily.top_teams.map((t: { team_id: string }) => t.team_id)).toEqual(['alpha', 'beta']);
    const weekly = JSON.parse(hooks.received.find((r) => r.path === '/weekly')!.body);
    expect(weekly).toMatchObject({ team_id: 'gamma', from: new Date(MONDAY - 7 * DAY).toISOString(), totals: { requests: 1, cost_usd: '1' }, top_teams: [] });
    expect(hooks.received.filter((r) => r.path === '/flaky')).toHaveLength(1);
  });
});
