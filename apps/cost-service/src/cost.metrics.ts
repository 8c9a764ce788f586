import type { UtilisationRow } from '@helix/cost';
import { metrics } from '@helix/telemetry';

/** The cost-service's metrics (`helix_cost_*`, and the budget gauges read from `budgets` at scrape time). */
export function costMetrics(budgets: () => UtilisationRow[] = () => []) {
  metrics.observedGauges('helix_budget_utilisation_ratio', 'Highest spent / amount among the budgets of a level and period in their current period (1 = at 100%).', ['level', 'period'], () =>
    budgets().map((r) => [{ level: r.level, period: r.period }, r.max]),
  );
  metrics.observedGauges('helix_budgets_exhausted', 'Budgets of a level and period at or over 100% in their current period.', ['level', 'period'], () =>
    budgets().map((r) => [{ level: r.level, period: r.period }, r.exhausted]),
  );
  return {
    reservations: metrics.counter('helix_cost_reservations_total', 'Budget reservations, by verdict (allow, refuse, capped).', ['verdict']),
    reserveSeconds: metrics.histogram('helix_cost_reserve_duration_seconds', 'Time to answer helix.cost.reserve.v1.', [], [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1]),
    ledgerEvents: metrics.counter('helix_cost_ledger_events_total', 'Completed events consumed, by result (inserted, duplicate).', ['result']),
    spend: metrics.counter('helix_cost_spend_usd_total', 'Spend recorded in the ledger, USD.', []),
    unpriced: metrics.counter('helix_cost_unpriced_requests_total', 'Requests for a model without a price (recorded as unpriced, never $0).', ['model']),
    delivered: metrics.counter('helix_cost_alert_deliveries_total', 'Alert deliveries, by channel kind and result.', ['channel', 'result']),
    released: metrics.counter('helix_cost_reservations_expired_total', 'Reservations released because they were never settled (their gateway died).', []),
  };
}
