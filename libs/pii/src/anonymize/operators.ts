import type { PiiOperatorName } from '@helix/config';
import type { PiiCrypto } from './pii-crypto.js';
import type { Placeholders } from './placeholders.js';

/** How one entity type is anonymized. */
export interface OperatorSpec {
  operator: PiiOperatorName | 'keep';
  /** `mask`: characters left visible at the end. */
  keepLast?: number;
  /** `mask`, Presidio style: mask this many characters, from the start (or from the end with `fromEnd`); wins over `keepLast`. */
  charsToMask?: number;
  fromEnd?: boolean;
  /** `mask`: the masking character (Presidio's `masking_char`). Default `*`. */
  maskChar?: string;
  /** `replace` with a fixed text instead of a numbered placeholder (Presidio's `new_value`). */
  newValue?: string;
}

/** What an operator needs beyond the value. */
export interface OperatorContext {
  placeholders: Placeholders;
  crypto: PiiCrypto;
  /** The tenant whose key `hash` uses (org id). */
  tenantKey: string;
}

/** The text that replaces `value` (found as `entityType`) under `spec`. `block` never reaches here. */
export function applyOperator(spec: OperatorSpec, entityType: string, value: string, ctx: OperatorContext): string {
  switch (spec.operator) {
    case 'replace':
      return spec.newValue ?? ctx.placeholders.for(entityType, value);
    case 'mask':
      return mask(value, spec);
    case 'hash':
      return ctx.crypto.hash(ctx.tenantKey, value);
    case 'redact':
      return '';
    case 'encrypt':
      return ctx.crypto.encrypt(value);
    case 'keep':
    case 'block':
      return value;
  }
}

function mask(value: string, spec: OperatorSpec): string {
  const char = spec.maskChar || '*';
  if (spec.charsToMask !== undefined) {
    const n = Math.min(spec.charsToMask, value.length);
    return spec.fromEnd ? value.slice(0, value.length - n) + char.repeat(n) : char.repeat(n) + value.slice(n);
  }
  const keep = Math.min(spec.keepLast ?? 4, value.length);
  return char.repeat(value.length - keep) + value.slice(value.length - keep);
}
