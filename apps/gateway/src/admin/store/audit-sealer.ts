import { Inject, Injectable } from '@nestjs/common';
import { HelixConfig } from '@helix/config';
import { atRestFromConfig, type AtRest } from '@helix/persistence';

/** How a sealed payload sits in the jsonb column. */
export interface SealedPayload {
  $sealed: string;
}

export type AuditField = 'before' | 'after';

const isSealedPayload = (v: unknown): v is SealedPayload =>
  !!v && typeof v === 'object' && typeof (v as SealedPayload).$sealed === 'string' && Object.keys(v).length === 1;

/**
 * Encryption at rest of the audit log's `before`/`after` payloads (`encryption.audit`):
 * a payload is stored as `{"$sealed": "<base64>"}`, bound to its row id and field,
 * and opened on every read (admin API, user export, erasure). Plain payloads
 * (written before encryption was on) read as they are.
 */
@Injectable()
export class AuditSealer {
  private readonly atRest: AtRest;

  constructor(@Inject(HelixConfig) config: HelixConfig) {
    this.atRest = atRestFromConfig(config.encryption, 'audit');
  }

  seal(id: string, field: AuditField, value: object | null): object | null {
    if (value === null || !this.atRest.sealing) return value;
    return { $sealed: this.atRest.seal(Buffer.from(JSON.stringify(value)), context(id, field)).toString('base64') };
  }

  /** The payload of a stored value; a sealed one that does not open reads as `{"$unreadable": true}`. */
  open(id: string, field: AuditField, stored: unknown): object | null {
    if (!isSealedPayload(stored)) return (stored ?? null) as object | null;
    try {
      return JSON.parse(this.atRest.open(Buffer.from(stored.$sealed, 'base64'), context(id, field)).toString('utf8')) as object;
    } catch {
      return { $unreadable: true };
    }
  }

  isSealed(stored: unknown): boolean {
    return isSealedPayload(stored);
  }
}

const context = (id: string, field: AuditField) => `helix-audit\n${id}\n${field}`;
