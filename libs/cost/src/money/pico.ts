/** pico-USD (1e-12 USD): every catalogue price per token is a whole number of them, so costs are exact integers. */
export const PICO_PER_USD = 1_000_000_000_000n;

const DECIMAL = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A USD amount → pico-USD, exactly. Numbers are read through their shortest
 * decimal form (`7.5e-8`, `0.0000025`), so a JSON or YAML literal keeps its
 * value. Throws on a negative, non-finite or sub-pico amount.
 */
export function usdToPico(value: number | string): bigint {
  return toPico(value, 0n);
}

/**
 * Like {@link usdToPico}, but a value within float noise of a whole pico-USD
 * (a relative error under 1e-9, e.g. `1.5000300000000002e-6`, written by a tool
 * that summed floats) is rounded to it. Anything further off still throws.
 */
export function usdToPicoDenoised(value: number | string): bigint {
  return toPico(value, 1_000_000_000n);
}

function toPico(value: number | string, tolerance: bigint): bigint {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`"${text}" is not a non-negative decimal amount`);
  const frac = m[2] ?? '';
  const shift = Number(m[3] ?? 0) - frac.length + 12;
  const digits = BigInt(`${m[1]}${frac}`);
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const unit = 10n ** BigInt(-shift);
  const nearest = (digits + unit / 2n) / unit;
  const off = digits - nearest * unit;
  if (off === 0n || (tolerance > 0n && (off < 0n ? -off : off) * tolerance <= digits)) return nearest;
  throw new RangeError(`${text} USD is not a whole number of pico-USD`);
}

/** USD per million tokens → pico-USD per token (the unit of config overrides). */
export function perMillionToPico(usdPerMillion: number | string): bigint {
  const total = usdToPico(usdPerMillion);
  if (total % 1_000_000n !== 0n) throw new RangeError(`${String(usdPerMillion)} USD per 1M tokens is not a whole number of pico-USD per token`);
  return total / 1_000_000n;
}

/** pico-USD → an exact decimal USD string without trailing zeros: `1234567n` → `"0.000001234567"`. */
export function picoToUsd(pico: bigint): string {
  const sign = pico < 0n ? '-' : '';
  const abs = pico < 0n ? -pico : pico;
  const whole = abs / PICO_PER_USD;
  const frac = (abs % PICO_PER_USD).toString().padStart(12, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** `a × b / c`, rounded up: a share of an amount that never undercharges. */
export const mulDivCeil = (a: bigint, b: bigint, c: bigint): bigint => (a * b + c - 1n) / c;

function numberText(n: number): string {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${n} is not a non-negative finite amount`);
  return String(n);
}
