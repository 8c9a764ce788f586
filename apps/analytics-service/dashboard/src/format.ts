const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const num = (v: unknown): string => (v === null || v === undefined ? '–' : compact.format(Number(v)));
export const pct = (v: unknown): string => (v === null || v === undefined ? '–' : `${(Number(v) * 100).toFixed(1)}%`);
export const ms = (v: unknown): string => (v === null || v === undefined ? '–' : `${Math.round(Number(v))} ms`);

/** USD from the API's exact decimal string. */
export function usd(v: unknown): string {
  const n = Number(v ?? 0);
  if (n !== 0 && Math.abs(n) < 0.01) return `$${n.toPrecision(2)}`;
  return `$${n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
