const DAY = 86_400_000;

export const SCHEDULES = ['daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** The last complete period of a schedule at `nowMs`: yesterday (UTC), or last week (Monday to Monday, UTC). */
export function lastPeriod(schedule: Schedule, nowMs: number): { fromMs: number; toMs: number } {
  const today = Math.floor(nowMs / DAY) * DAY;
  if (schedule === 'daily') return { fromMs: today - DAY, toMs: today };
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  return { fromMs: monday - 7 * DAY, toMs: monday };
}
