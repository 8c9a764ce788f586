import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix` + 24 random base62 characters (tool call and completion ids for providers that give none). */
export function randomId(prefix: string): string {
  const bytes = randomBytes(24);
  let id = prefix;
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
