import type { Redis } from 'ioredis';
import type { Bus } from '@helix/bus';
import type { ConfigStore } from '@helix/config';
import { EventSubjects } from '@helix/contracts';
import {
  AlertPolicy,
  AlertRaiser,
  AnomalyJob,
  BudgetAdminUseCase,
  BudgetDirectory,
  BudgetUtilisation,
  ChannelAdminUseCase,
  DeliverAlertUseCase,
  EscalationJob,
  IngestUseCase,
  LivePrices,
  MemoryBudgetCounters,
  PgAlertStore,
  PgBudgetStore,
  PgChannelStore,
  PgLedgerStore,
  RedisBudgetCounters,
  ReportUseCase,
  ReserveUseCase,
  SpendUseCase,
  UserDataUseCase,
  emailSender,
  slackSender,
  webhookSender,
  type BudgetCounters,
  type TransactionalSql,
} from '@helix/cost';
import type { Logger } from '@helix/telemetry';
import { costMetrics } from './cost.metrics.js';


/** What the cost-service is built from. */
export interface CostCoreDeps {
  db: TransactionalSql;
  /** Redis in distributed mode; null = in-memory counters (embedded mode). */
  redis: Redis | null;
  store: ConfigStore;
  bus: Bus;
  log: Logger;
  now?: () => number;
}

/**
 * Every use case of the cost-service, wired once per process. The Nest module,
 * the tests and the benchmarks all build it here, so they run the same code.
 */
export function createCostCore(deps: CostCoreDeps) {
  const { db, store, bus, log } = deps;
  const now = deps.now ?? Date.now;
  const config = () => store.current.cost;
  const prices = new LivePrices(store, log);
  const counters: BudgetCounters = deps.redis ? new RedisBudgetCounters(deps.redis, store.current.redis.keyPrefix) : new MemoryBudgetCounters(now);
  const budgets = new PgBudgetStore(db);
  const ledger = new PgLedgerStore(db);
  const directory = new BudgetDirectory(budgets, () => config().budgetCacheMs, now);
  const alertStore = new PgAlertStore(db);
  const channels = new PgChannelStore(db);
  const utilisation = new BudgetUtilisation();
  const metrics = costMetrics(() => utilisation.rows(now()));
  const raiser = new AlertRaiser(
    alertStore,
    async (alert) => void (await bus.publish(EventSubjects.budgetAlert, alert, { msgId: alert.alertId })),
    () => config().alerts.escalateAfterMs,
  );
  const policy = new AlertPolicy(
    raiser,
    () => ({ ...config().alerts, timeZone: config().timeZone }),
    {
      unpriced: (model) => metrics.unpriced.inc({ model: model.slice(0, 64) }),
      failed: (alert, err) => log.warn({ err, alertId: alert.alertId }, 'raising an alert failed; it is retried'),
      used: (line, pico) => utilisation.observe(line, pico),
    },
    now,
  );
  const timeoutMs = () => config().alerts.httpTimeoutMs;
  return {
    counters,
    directory,
    prices,
    raiser,
    reserve: new ReserveUseCase({ directory, counters, prices: prices.current, config, events: policy, ledger, now }),
    ingest: new IngestUseCase({ ledger, counters, directory, prices: prices.current, config, events: policy, now }),
    spend: new SpendUseCase(budgets, counters, config, now, ledger),
    report: new ReportUseCase(db),
    budgets: new BudgetAdminUseCase(budgets, directory, () => config().alerts.thresholds, now),
    channels: new ChannelAdminUseCase(channels, now),
    deliver: new DeliverAlertUseCase(
      channels,
      { webhook: webhookSender(timeoutMs, now), slack: slackSender(timeoutMs), email: emailSender(() => config().alerts.smtp) },
      () => config().alerts.attempts,
      {
        delivered: (kind) => metrics.delivered.inc({ channel: kind, result: 'ok' }),
        failed: (kind, alert, err) => {
          metrics.delivered.inc({ channel: kind, result: 'error' });
          log.warn({ err, alertId: alert.alertId, channel: kind }, 'alert delivery failed');
        },
      },
    ),
    escalations: new EscalationJob(alertStore, directory, counters, raiser, config),
    anomalies: new AnomalyJob(db, raiser, () => config().alerts),
    userData: new UserDataUseCase(db),
    metrics,
  };
}

export type CostCore = ReturnType<typeof createCostCore>;
