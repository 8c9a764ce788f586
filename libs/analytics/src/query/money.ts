const PICO_PER_USD = 1_000_000_000_000n;

/** Exact decimal USD of a pico-USD amount (`"12.5"`, `"-0.000001"`), without trailing zeros. */
export function picoToUsd(pico: bigint | string): string {
  const p = typeof pico === 'bigint' ? pico : BigInt(pico || '0');
  const sign = p < 0n ? '-' : '';
  const abs = p < 0n ? -p : p;
  const whole = abs / PICO_PER_USD;
  const frac = (abs % PICO_PER_USD).toString().padStart(12, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
