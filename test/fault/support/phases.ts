import { setTimeout as sleep } from 'node:timers/promises';
import { budgetSpend, settle, type Accounting } from './accounting.js';
import type { Cluster } from './cluster.js';
import { startLoad, tally, type Outcome } from './load.js';
import { errorSpan } from './policy.js';

/** CI: ~10 s windows at 100 req/s; `npm run test:faults:long` (HELIX_FAULT_LONG=1): 30 s windows at 200 req/s. */
export const LONG = process.env.HELIX_FAULT_LONG === '1';
export const RATE = Number(process.env.HELIX_FAULT_RATE ?? (LONG ? 200 : 100));
export const WINDOW_MS = LONG ? 30_000 : 10_000;
/** The capped team's hard limit: reached after ~25 of its requests (about 10% of the load). */
export const HARD_LIMIT_USD = '0.005';
/** Load kept on after a fault is over, to see the recovery. */
const TAIL_MS = 3_000;

export interface Phase {
  name: string;
  /** The load runs at least this long, and on until 3 s after the fault is over (at most 90 s). */
  windowMs: number;
  /** When the fault starts, ms after the load started. */
  faultAtMs: number;
  /** Starts the fault and returns once it is over (the server or service is back). */
  inject(cluster: Cluster): Promise<void>;
}

export interface PhaseResult {
  name: string;
  outcomes: Outcome[];
  tally: Record<string, number>;
  books: Accounting;
  /** ms from the end of the load until the books balanced. */
  settleMs: number;
  budget: { spent: bigint; limit: bigint };
  orgId: string;
  loadTeamId: string;
  /** ms after the load start: fault injected, fault over (restarted and ready). */
  faultAt: number;
  recoveredAt: number;
  errors: { errors: number; firstAt?: number; lastAt?: number };
  gatewayUp: boolean;
}

/** Runs one fault under the steady load with a fresh org (a load team and a capped team), then waits for the books to settle. */
export async function runPhase(cluster: Cluster, phase: Phase, url = cluster.gateway.url): Promise<PhaseResult> {
  const t = await cluster.tenants(HARD_LIMIT_USD);
  const load = startLoad({
    url,
    clients: [
      { name: 'load', key: t.load.key, weight: 9 },
      { name: 'capped', key: t.capped.key, weight: 1 },
    ],
    rate: RATE,
    durationMs: 90_000,
    streamShare: 0.25,
  });
  await sleep(phase.faultAtMs);
  const faultAt = Date.now() - load.startedAt;
  await phase.inject(cluster);
  const recoveredAt = Date.now() - load.startedAt;
  await sleep(Math.max(phase.windowMs - recoveredAt, TAIL_MS));
  load.stop();
  const outcomes = await load.done;
  const gatewayUp = cluster.gateways.every((g) => g.process.exitCode === null && g.process.signalCode === null);
  const { books, ms } = await settle((sql, p) => cluster.query(sql, p), t.load.orgId, outcomes, 90_000);
  return {
    name: phase.name,
    outcomes,
    tally: tally(outcomes),
    books,
    settleMs: ms,
    budget: await budgetSpend((sql, p) => cluster.query(sql, p), t.budgetId),
    orgId: t.load.orgId,
    loadTeamId: t.load.teamId,
    faultAt,
    recoveredAt,
    errors: errorSpan(outcomes),
    gatewayUp,
  };
}

/** One line of figures per phase, for the report and docs/reliability.md. */
export function figures(r: PhaseResult): Record<string, unknown> {
  const sent = r.outcomes.length;
  const ms = (v?: number) => (v === undefined ? '-' : Math.round(v));
  return {
    fault: r.name,
    requests: sent,
    outcomes: r.tally,
    faultAtMs: ms(r.faultAt),
    backAtMs: ms(r.recoveredAt),
    errorWindowMs: r.errors.errors ? ms(r.errors.lastAt! - r.errors.firstAt!) : 0,
    lastErrorAfterBackMs: r.errors.lastAt === undefined ? '-' : ms(r.errors.lastAt - r.recoveredAt),
    booksSettledMs: r.settleMs,
    analyticsRows: r.books.analyticsRows,
    ledgerRows: r.books.ledgerRows,
    budgetSpentOfLimit: `${(Number(r.budget.spent) / 1e12).toFixed(6)} / ${(Number(r.budget.limit) / 1e12).toFixed(6)} USD`,
  };
}
