import { parse } from 'yaml';

/**
 * An environment value read as a YAML scalar: `8080` → 8080, `true` → true,
 * `null`/`~` → null, `[a, b]` → a list, `"8080"` → the string "8080"; anything
 * else (URLs, secrets with `#` or `: `) stays the exact string it was.
 */
export function parseScalar(raw: string): unknown {
  let value: unknown;
  try {
    value = parse(raw);
  } catch {
    return raw;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null) return /^\s*(~|null|Null|NULL)\s*$/.test(raw) ? null : raw;
  if (typeof value === 'string') return /^\s*['"]/.test(raw) ? value : raw;
  return /^\s*[[{]/.test(raw) ? value : raw;
}
