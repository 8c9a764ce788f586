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
export { COUNTER_GRACE_MS, budgetLines, counterExpiry, type BudgetLine } from './budgets/budget-lines.js';
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
