import { readFileSync } from 'node:fs';
import type { EncryptionConfig } from '@helix/config';
import { AtRestCipher, isSealed } from './at-rest-cipher.js';

/** How one store keeps values at rest: sealed when a key is active, plain otherwise; either way it reads both. */
export interface AtRest {
  /** Whether `seal` encrypts. */
  readonly sealing: boolean;
  /** The bytes to store: sealed under the active key, or `plain` itself. */
  seal(plain: Buffer, context?: string): Buffer;
  /** The plain bytes of a stored value: opened when sealed, as is when stored plain. Throws when a sealed value does not open. */
  open(stored: Buffer, context?: string): Buffer;
}

const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** A key file: 32 raw bytes, or 32 bytes in base64 (trailing newline allowed). */
function readKeyFile(path: string): Buffer {
  const raw = readFileSync(path);
  const text = raw.toString('latin1').trim();
  if (BASE64_KEY.test(text)) return Buffer.from(text, 'base64');
  if (raw.length === 32) return raw;
  throw new Error(`${path} holds neither 32 raw bytes nor 32 bytes in base64`);
}

function atRest(cipher: AtRestCipher | null, sealing: boolean): AtRest {
  return {
    sealing,
    seal: (plain, context) => (sealing && cipher ? cipher.seal(plain, context) : plain),
    open: (stored, context) => {
      if (!isSealed(stored)) return stored;
      if (!cipher) throw new Error('a sealed value, and no encryption keys are configured');
      return cipher.open(stored, context);
    },
  };
}

/** Stores values plain and refuses sealed ones: no keys configured. */
export const PLAIN_AT_REST: AtRest = atRest(null, false);

/**
 * How `use` (`cache` or `audit`) keeps values under `encryption`: sealed with
 * the active key when one is set and the use is on. Configured keys still open
 * old data when the active key is unset (encryption turned off) or rotated.
 */
export function atRestFromConfig(cfg: EncryptionConfig, use: 'cache' | 'audit'): AtRest {
  if (!cfg.keys.length) return PLAIN_AT_REST;
  const keys = new Map(cfg.keys.map((k) => [k.id, k.keyFile ? readKeyFile(k.keyFile) : Buffer.from(k.key!, 'base64')]));
  const cipher = new AtRestCipher(keys, cfg.activeKeyId ?? cfg.keys[0]!.id);
  return atRest(cipher, cfg.activeKeyId !== undefined && cfg[use]);
}
