export { PICO_PER_USD, mulDivCeil, perMillionToPico, picoToUsd, usdToPico, usdToPicoDenoised } from './money/pico.js';
export type { ModelPrice, PriceTier, TokenPrices, UsageCounts } from './prices/model-price.js';
export { pricesFor } from './prices/model-price.js';
export { costOf, reservationOf, type CostBreakdown } from './prices/cost-of.js';
export { parseLiteLlmCatalog, type CatalogIssue, type ParsedCatalog } from './prices/litellm-catalog.js';
export { metaPathOf, readCatalogFile, shippedCatalogPath, type CatalogMeta } from './prices/catalog-file.js';
export { parseOverrides, type OverrideIssue } from './prices/price-overrides.js';
export { PriceBook } from './prices/price-book.js';
export { loadPriceBook, type LoadedPrices } from './prices/load-price-book.js';
export { PERIODS, dayStartMs, localDay, periodWindow, type BudgetPeriod, type PeriodWindow } from './budgets/period.js';
export { LEVELS, appliesTo, type Budget, type BudgetLevel, type ModelCap, type TenantIds } from './budgets/budget.js';
export { COUNTER_GRACE_MS, budgetLines, counterExpiry, counterSpecs, settledTtlMs, type BudgetLine } from './budgets/budget-lines.js';
export {
  BUDGET_COUNTERS,
  type BudgetCounters,
  type CounterReading,
  type CounterSpec,
  type ReserveInput,
  type ReserveResult,
  type SettleInput,
  type SettleResult,
} from './budgets/budget-counters.js';
export { admit, type Admission } from './budgets/admit.js';
export { MemoryBudgetCounters } from './budgets/memory.budget-counters.js';
export { RedisBudgetCounters } from './budgets/redis.budget-counters.js';
export { BudgetDirectory, type BudgetSource } from './budgets/budget-directory.js';
export { BudgetUtilisation, type UtilisationRow } from './budgets/budget-utilisation.js';
export { ReserveUseCase, type ReserveDeps, type ReserveEvents } from './budgets/reserve.usecase.js';
export { ledgerFilterOf, seedCounters, type LedgerSpend, type LedgerSpendFilter } from './budgets/seed-counters.js';
export { BudgetAdminUseCase } from './budgets/budget-admin.usecase.js';
export { SpendUseCase } from './budgets/spend.usecase.js';
export { toBudgetMessage } from './budgets/budget-proto.js';
export { costMigrationSet } from './db/cost.migration-set.js';
export { PgBudgetStore } from './db/pg.budget-store.js';
export { PgLedgerStore, type LedgerRow } from './db/pg.ledger-store.js';
export { returned, scopeClause, type AdminScopeFilter, type SqlRunner } from './db/sql.js';
export { IngestUseCase, type IngestDeps, type IngestEvents } from './ledger/ingest.usecase.js';
export { isCacheHit, ledgerRowOf, priceNames } from './ledger/ledger-row.js';
export { ReportUseCase } from './ledger/report.usecase.js';
export { alert, budgetAlert, escalationOf, unpricedAlert } from './alerts/alert-ids.js';
export { PgAlertStore } from './alerts/alert-store.js';
export { AlertRaiser, type PublishAlert } from './alerts/alert-raiser.js';
export { AlertPolicy, type AlertObserver } from './alerts/alert-policy.js';
export { CHANNEL_KINDS, type AlertChannel, type ChannelKind } from './alerts/channels/alert-channel.js';
export { PgChannelStore } from './alerts/channels/pg.channel-store.js';
export { alertJson, alertTitle, emailText, slackMessage } from './alerts/channels/alert-format.js';
export { SIGNATURE_HEADER, emailSender, signature, slackSender, webhookSender, type AlertSender } from './alerts/channels/senders.js';
export { DeliverAlertUseCase, type DeliveryObserver } from './alerts/channels/deliver.usecase.js';
export { ChannelAdminUseCase } from './alerts/channels/channel-admin.usecase.js';
export { EscalationJob } from './alerts/escalation.job.js';
export { AnomalyJob, anomalyScore } from './alerts/anomaly.job.js';
export { LivePrices, priceIssues } from './prices/live-prices.js';
export { UserDataUseCase, type TransactionalSql } from './privacy/user-data.usecase.js';
