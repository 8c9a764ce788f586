import { DateTime } from 'luxon';

export const PERIODS = ['daily', 'weekly', 'monthly', 'total'] as const;
export type BudgetPeriod = (typeof PERIODS)[number];

/** One period of a budget: when it starts and ends, and the key its counters live under. */
export interface PeriodWindow {
  /** `d2030-01-31`, `w2030-01-28` (its Monday), `m2030-01`, or `total`. */
  key: string;
  startMs: number;
  /** Exclusive; `Infinity` for `total`. */
  endMs: number;
  /** Local start date, `YYYY-MM-DD` (empty for `total`). */
  start: string;
}

const UNIT = { daily: 'day', weekly: 'week', monthly: 'month' } as const;
const PREFIX = { daily: 'd', weekly: 'w', monthly: 'm' } as const;

/**
 * The period containing `atMs`: calendar days, ISO weeks (from Monday) and
 * months of `timeZone`, so a daily budget resets at local midnight, DST days
 * being 23 or 25 hours long.
 */
export function periodWindow(period: BudgetPeriod, atMs: number, timeZone: string): PeriodWindow {
  if (period === 'total') return TOTAL;
  const cacheKey = `${period}|${timeZone}`;
  const hit = recent.get(cacheKey);
  if (hit && atMs >= hit.startMs && atMs < hit.endMs) return hit;
  const window = computeWindow(period, atMs, timeZone);
  recent.set(cacheKey, window);
  return window;
}

const TOTAL: PeriodWindow = Object.freeze({ key: 'total', startMs: 0, endMs: Number.POSITIVE_INFINITY, start: '' });
/** The last window computed per period and zone: nearly every call falls in it, and luxon's zone math is not cheap on the hot path. */
const recent = new Map<string, PeriodWindow>();

function computeWindow(period: Exclude<BudgetPeriod, 'total'>, atMs: number, timeZone: string): PeriodWindow {
  const unit = UNIT[period];
  const start = DateTime.fromMillis(atMs, { zone: timeZone }).startOf(unit);
  const end = start.plus({ [unit]: 1 }).startOf(unit);
  const date = start.toISODate()!;
  return Object.freeze({ key: `${PREFIX[period]}${period === 'monthly' ? date.slice(0, 7) : date}`, startMs: start.toMillis(), endMs: end.toMillis(), start: date });
}

/** The local calendar day of `atMs`, `YYYY-MM-DD`: the day of the ledger's daily rollups. */
export function localDay(atMs: number, timeZone: string): string {
  return periodWindow('daily', atMs, timeZone).start;
}

/** The instant a local day starts. */
export function dayStartMs(day: string, timeZone: string): number {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toMillis();
}
