const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RANGES = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' } as const;
export type RangeKey = keyof typeof RANGES;

/** A query window: whole hours for short ranges, whole UTC days for long ones, so the API answers from rollups. */
export interface Window {
  from: string;
  to: string;
  interval: 'hour' | 'day';
}

export function windowOf(range: RangeKey, nowMs: number): Window {
  if (range === '24h' || range === '7d') {
    const to = Math.ceil((nowMs + 1) / HOUR) * HOUR;
    return { from: new Date(to - (range === '24h' ? DAY : 7 * DAY)).toISOString(), to: new Date(to).toISOString(), interval: 'hour' };
  }
  const to = Math.ceil((nowMs + 1) / DAY) * DAY;
  return { from: new Date(to - (range === '30d' ? 30 : 90) * DAY).toISOString(), to: new Date(to).toISOString(), interval: 'day' };
}
