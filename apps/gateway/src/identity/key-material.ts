import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every virtual key starts with this, so leaked keys are easy to recognise and scan for. */
export const KEY_PREFIX = 'hx-';

/** A new virtual key: `hx-` and 43 base64url characters from 32 random bytes (256 bits). */
export function newApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The SHA-256 of a key as lower-case hex: what is stored, cached and sent over the bus. */
export function keySha256(key: string): string {
  return hash('sha256', key);
}

/** What admins see of a key after creation: the prefix and the last four characters. */
export function keyHint(key: string): string {
  return `${KEY_PREFIX}...${key.slice(-4)}`;
}

/** Constant-time equality of two hex digests. */
export function sameSha256(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'));
}
