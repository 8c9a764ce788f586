import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Leading bytes of every sealed value: no JSON or UTF-8 text starts with a NUL. */
const MAGIC = Buffer.from([0x00, 0x48, 0x58]);
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encryption at rest (AES-256-GCM) with key ids. A sealed value is
 * `00 'H' 'X' | version (1) | key id length (1) | key id | IV (12) | tag (16) | ciphertext`;
 * the key id picks the key on open, so data sealed before a rotation still
 * opens while its key is configured. The optional `context` is authenticated
 * (not stored): a value moved to another place (another tenant's entry) does not open.
 */
export class AtRestCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) throw new Error(`no key ${activeKeyId}`);
    for (const [id, key] of keys) if (key.length !== 32) throw new Error(`key ${id} is ${key.length} bytes, not 32`);
  }

  /** Seals `plain` under the active key. */
  seal(plain: Buffer | string, context = ''): Buffer {
    const id = Buffer.from(this.activeKeyId, 'utf8');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, iv, cipher.getAuthTag(), body]);
  }

  /** Opens a sealed value; throws on an unknown version or key id, or when it was altered. */
  open(sealed: Buffer, context = ''): Buffer {
    if (!isSealed(sealed) || sealed[3] !== VERSION) throw new Error('not a sealed value of a known version');
    const idEnd = 5 + sealed[4]!;
    const keyId = sealed.toString('utf8', 5, idEnd);
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`sealed with key ${keyId}, which is not configured`);
    const iv = sealed.subarray(idEnd, idEnd + IV_BYTES);
    const tag = sealed.subarray(idEnd + IV_BYTES, idEnd + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(idEnd + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** The key id a sealed value names. */
  static keyIdOf(sealed: Buffer): string {
    return sealed.toString('utf8', 5, 5 + sealed[4]!);
  }
}

/** Whether `value` starts like a sealed value (anything else is stored plain). */
export function isSealed(value: Buffer): boolean {
  return value.length > 5 + IV_BYTES + TAG_BYTES && value[0] === MAGIC[0] && value[1] === MAGIC[1] && value[2] === MAGIC[2];
}
