import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** The keyed crypto the `hash` and `encrypt` operators use, behind one port so use cases never touch a driver. */
export interface PiiCrypto {
  /** HMAC-SHA256 of `value` under the tenant's key, hex. */
  hash(tenantKey: string, value: string): string;
  /** AES-256-GCM under the active key: `enc:<keyId>:<base64(iv|tag|ciphertext)>`. */
  encrypt(value: string): string;
  /** The inverse of `encrypt`, with whichever configured key the token names. */
  decrypt(token: string): string;
}

export interface PiiCryptoKeys {
  hashSecret: string;
  /** The first key encrypts; every key decrypts. */
  encryptionKeys: readonly { id: string; key: string }[];
}

/** Node's crypto: HMAC keys derived per tenant from one secret, AES-256-GCM with a key id per ciphertext. */
export class NodePiiCrypto implements PiiCrypto {
  private readonly keys: Map<string, Buffer>;
  private readonly tenantKeys = new Map<string, Buffer>();

  constructor(private readonly cfg: PiiCryptoKeys) {
    this.keys = new Map(cfg.encryptionKeys.map((k) => [k.id, Buffer.from(k.key, 'base64')]));
  }

  hash(tenantKey: string, value: string): string {
    let key = this.tenantKeys.get(tenantKey);
    if (!key) {
      if (!this.cfg.hashSecret) throw new Error('the hash operator needs pii.hashSecret');
      key = createHmac('sha256', this.cfg.hashSecret).update(`helix-pii-hash:${tenantKey}`).digest();
      this.tenantKeys.set(tenantKey, key);
    }
    return createHmac('sha256', key).update(value).digest('hex');
  }

  encrypt(value: string): string {
    const active = this.cfg.encryptionKeys[0];
    if (!active) throw new Error('the encrypt operator needs pii.encryptionKeys');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(active.id)!, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return `enc:${active.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(token: string): string {
    const [, keyId, data] = /^enc:([\w-]+):([A-Za-z0-9+/=]+)$/.exec(token) ?? [];
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !data) throw new Error('unknown key id or malformed ciphertext');
    const raw = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
