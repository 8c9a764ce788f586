import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Errors } from '@helix/contracts';
import { AuditSealer, type AuditField } from '../admin/store/audit-sealer.js';
import { inScope, type Scope } from '../admin/tenancy.js';
import { GATEWAY_DATA_SOURCE } from '../identity/identity.tokens.js';

export interface UserRecord {
  id: string;
  org_id: string;
  team_id: string;
  name: string;
  email: string | null;
  created_at: string;
  revoked_at: string | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const at = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', ${ISO}) AS ${col}`;

/**
 * What the gateway itself keeps about a user (`gateway` schema): the user, their
 * keys (never the hashes) and the audit entries about them, and the erasure of
 * the personal parts (name, email, key names, and the same fields in audit
 * before/after copies).
 */
@Injectable()
export class GatewayUserData {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /** The user within the scope, or a 404. */
  async user(scope: Scope, userId: string): Promise<UserRecord> {
    const [u]: UserRecord[] = /^[0-9a-f-]{36}$/i.test(userId)
      ? await this.ds.query(`SELECT id, org_id, team_id, name, email, ${at('created_at')}, ${at('revoked_at')} FROM gateway.users WHERE id = $1`, [userId])
      : [];
    if (!u || !inScope(scope, { orgId: u.org_id, teamId: u.team_id })) throw Errors.notFound(`User ${userId} not found.`);
    return u;
  }

  async keys(userId: string): Promise<Record<string, unknown>[]> {
    return this.ds.query(
      `SELECT id, name, key_hint, role, models, rpm, tpm, ${at('created_at')}, ${at('revoked_at')}, ${at('expires_at')} FROM gateway.api_keys WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  }

  async audit(ids: string[]): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, ${at('at')}, actor_key_id, action, entity_type, entity_id, before, after FROM gateway.audit_log WHERE entity_id = ANY($1::uuid[]) OR actor_key_id = ANY($2) ORDER BY id`,
      [ids, ids],
    );
    return rows.map((r) => ({ ...r, before: this.sealer.open(String(r.id), 'before', r.before), after: this.sealer.open(String(r.id), 'after', r.after) }));
  }

  /** Replaces the user's name and email, and their keys' names, by the pseudonym (and null) here and in the audit copies. */
  async erase(userId: string, keyIds: string[], pseudonym: string): Promise<number> {
    return this.ds.transaction(async (em) => {
      const changed = (r: unknown) => (Array.isArray(r) && typeof r[1] === 'number' ? r[1] : 0);
      let n = changed(await em.query('UPDATE gateway.users SET name = $2, email = NULL WHERE id = $1', [userId, pseudonym]));
      n += changed(await em.query('UPDATE gateway.api_keys SET name = NULL WHERE user_id = $1', [userId]));
      const scrub = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL WHEN ${col} ? 'email' THEN (${col} - 'email') || jsonb_build_object('name', $2::text, 'email', NULL) WHEN ${col} ? 'name' THEN ${col} || jsonb_build_object('name', CASE WHEN entity_type = 'user' THEN $2::text END) ELSE ${col} END`;
      n += changed(await em.query(`UPDATE gateway.audit_log SET before = ${scrub('before')}, after = ${scrub('after')} WHERE entity_id = ANY($1::uuid[])`, [[userId, ...keyIds], pseudonym]));
      const sealed: SealedRow[] = await em.query(
        `SELECT id, entity_type, before, after FROM gateway.audit_log WHERE entity_id = ANY($1::uuid[]) AND (before ? '$sealed' OR after ? '$sealed')`,
        [[userId, ...keyIds]],
      );
      for (const row of sealed) {
        const [before, after] = (['before', 'after'] as const).map((f) => this.scrubSealed(row, f, pseudonym));
        n += changed(await em.query('UPDATE gateway.audit_log SET before = $2, after = $3 WHERE id = $1', [row.id, before, after]));
      }
      return n;
    });
  }

  /** The erasure's scrub (the SQL one above) on a sealed payload: opened, scrubbed, sealed again. */
  private scrubSealed(row: SealedRow, field: AuditField, pseudonym: string): string | null {
    const stored = row[field];
    if (!this.sealer.isSealed(stored)) return stored === null ? null : JSON.stringify(stored);
    const p = this.sealer.open(row.id, field, stored) as Record<string, unknown> | null;
    if (p === null || '$unreadable' in p) return JSON.stringify(stored);
    const scrubbed = 'email' in p ? { ...p, name: pseudonym, email: null } : 'name' in p ? { ...p, name: row.entity_type === 'user' ? pseudonym : null } : p;
    return JSON.stringify(this.sealer.seal(row.id, field, scrubbed));
  }
}

interface SealedRow {
  id: string;
  entity_type: string;
  before: unknown;
  after: unknown;
}
