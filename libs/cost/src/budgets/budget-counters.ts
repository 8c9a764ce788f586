/** One counter of a reservation, as the store needs it. */
export interface CounterSpec {
  /** Unique within the org (see `BudgetLine.counterId`). */
  id: string;
  /** Hard limit, pico-USD; null = none. */
  limit: bigint | null;
  /** Cap the output allowance at what the limit can still pay for. */
  strict: boolean;
  /** Epoch ms after which the counter may be dropped; 0 = never. */
  expireAtMs: number;
}

export interface ReserveInput {
  orgId: string;
  reservationId: string;
  counters: CounterSpec[];
  /** Prompt tokens × input price. */
  promptCost: bigint;
  /** Price of one output token. */
  outputPrice: bigint;
  /** Output tokens asked for (max_tokens or the default allowance). */
  allowance: number;
  nowMs: number;
  /** Released by `sweep` when not settled by then. */
  expireAtMs: number;
  /**
   * Decide nothing on a counter that was never seeded from the ledger (new, or lost with
   * Redis or an embedded restart): the result names those counters instead (`unseeded`).
   */
  requireSeed?: boolean;
}

/** What the ledger says a counter has spent so far in its period. */
export interface CounterSeed {
  id: string;
  spent: bigint;
  /** Epoch ms after which the counter may be dropped; 0 = never. */
  expireAtMs: number;
}

/** Spent and reserved, pico-USD, of one counter. */
export interface CounterReading {
  spent: bigint;
  reserved: bigint;
}

export type ReserveResult =
  | {
      ok: true;
      /** What was reserved on every counter: promptCost + allowance × outputPrice. */
      amount: bigint;
      /** The allowance after strict caps (≤ the one asked for). */
      allowance: number;
      /** spent + reserved of each counter before this reservation. */
      used: bigint[];
      /** The reservation id was already held: nothing changed. */
      duplicate: boolean;
    }
  | { ok: false; /** Index of the counter that refused. */ refusedBy: number; used: bigint[] }
  | { ok: false; /** Indexes of the counters to seed first (`requireSeed`); nothing changed. */ unseeded: number[] };

export interface SettleInput {
  orgId: string;
  reservationId: string;
  /** The request's real cost, pico-USD. */
  cost: bigint;
  /** The counters to charge when no reservation is held (never made, or released by expiry). */
  fallback: CounterSpec[];
  /** How long a settled reservation is remembered, so a redelivered event is not charged twice. */
  doneTtlMs: number;
}

export interface SettleResult {
  /** settled: a held reservation; charged: charged without one; duplicate: already settled; none: no counters. */
  outcome: 'settled' | 'charged' | 'duplicate' | 'none';
  counterIds: string[];
  /** Spent of each counter after the settlement. */
  spent: bigint[];
}

/**
 * Budget counters and reservations, atomic per org (one Redis Lua script per
 * call; in memory in embedded mode). Both implementations pass one contract
 * suite (test/integration/cost/budget-counters.contract.ts).
 *
 * - `reserve` checks every counter and reserves on all of them, or on none: it
 *   refuses when spent + reserved + amount would pass a hard limit; strict
 *   counters first lower the output allowance to what they can pay for.
 * - `settle` turns a reservation into spend (reserved −= amount, spent += cost),
 *   once per reservation id, however often the event is redelivered.
 * - `sweep` releases reservations whose expiry passed (their gateway died).
 * - `seed` sets a counter's spent from the ledger, once: spent becomes the larger of the
 *   two (settlements that reached the counter before the seed are mostly in the ledger too).
 */
export interface BudgetCounters {
  reserve(input: ReserveInput): Promise<ReserveResult>;
  settle(input: SettleInput): Promise<SettleResult>;
  /** Releases every expired reservation; returns how many it released. */
  sweep(nowMs: number, doneTtlMs: number): Promise<number>;
  read(orgId: string, counterIds: readonly string[]): Promise<CounterReading[]>;
  /** Indexes of the counters (of `counterIds`) not seeded yet. */
  unseeded(orgId: string, counterIds: readonly string[]): Promise<number[]>;
  /** Seeds the counters not seeded yet; a counter seeded already (by another replica) keeps its value. */
  seed(orgId: string, seeds: readonly CounterSeed[]): Promise<void>;
}

export const BUDGET_COUNTERS = Symbol('BUDGET_COUNTERS');
