import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import type { HelixConfig } from './helix.config.js';
import { IsExistingFile } from './validators.js';

/** One AES-256 key for data at rest. Give `key` or `keyFile`, not both. */
export class EncryptionKeyConfig {
  /** Key id written into every ciphertext, so old data still opens after a rotation. */
  @IsString() @Matches(/^[\w.-]{1,32}$/) readonly id!: string;

  /** 32 bytes, base64. Reference the environment: `${HELIX_ENCRYPTION_KEY_2026}`. */
  @ValidateIf((o: EncryptionKeyConfig) => o.keyFile === undefined)
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (or give keyFile)' })
  readonly key?: string;

  /** A file holding the key: 32 raw bytes, or 32 bytes in base64 (a Kubernetes secret mount). */
  @IsOptional() @IsExistingFile() readonly keyFile?: string;
}

/**
 * Encryption at rest (AES-256-GCM): cached answers in Redis and admin audit
 * payloads in Postgres. Off while `activeKeyId` is unset. To rotate, add a new
 * key, point `activeKeyId` at it and keep the old one until its data is gone.
 */
export class EncryptionConfig {
  /** Id of the key new data is sealed with; unset = nothing is encrypted. */
  @IsOptional() @IsString() readonly activeKeyId?: string;

  /** Every key that may still open data; the active one among them. */
  @ValidateNested({ each: true }) @Type(() => EncryptionKeyConfig) readonly keys: EncryptionKeyConfig[] = [];

  /** Seal cached answers and their prompts in Redis. Default true (when a key is active). */
  @IsBoolean() readonly cache: boolean = true;

  /** Seal the before/after payloads of the admin audit log. Default true (when a key is active). */
  @IsBoolean() readonly audit: boolean = true;
}

/** `activeKeyId` names a configured key; ids are unique; each key has one source. */
export function encryptionKeysHold({ encryption }: HelixConfig): ConfigIssue | undefined {
  const ids = encryption.keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) return { path: 'encryption.keys', message: `key id ${twice} appears twice` };
  const both = encryption.keys.find((k) => k.key !== undefined && k.keyFile !== undefined);
  if (both) return { path: 'encryption.keys', message: `key ${both.id} has both key and keyFile; give one` };
  if (encryption.activeKeyId !== undefined && !ids.includes(encryption.activeKeyId)) {
    return { path: 'encryption.activeKeyId', message: `names no key in encryption.keys (${ids.join(', ') || 'none'})` };
  }
  return undefined;
}
