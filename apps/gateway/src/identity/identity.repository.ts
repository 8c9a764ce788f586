import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { KeyLookup } from './identity-cache.js';
import type { Role } from './identity.js';
import { GATEWAY_DATA_SOURCE } from './identity.tokens.js';

interface KeyRow {
  id: string;
  user_id: string;
  team_id: string;
  org_id: string;
  role: Role;
  models: string[] | null;
  rpm: number | null;
  tpm: number | null;
  expires_at: Date | null;
  team_rpm: number | null;
  team_tpm: number | null;
  revoked: boolean;
}

/** A key is refused when it, its user, its team or its org is revoked. */
const BY_DIGEST = `
  SELECT k.id, k.user_id, k.team_id, k.org_id, k.role, k.models, k.rpm, k.tpm, k.expires_at,
         t.rpm AS team_rpm, t.tpm AS team_tpm,
         (k.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL
          OR t.revoked_at IS NOT NULL OR o.revoked_at IS NOT NULL) AS revoked
    FROM gateway.api_keys k
    JOIN gateway.users u ON u.id = k.user_id
    JOIN gateway.teams t ON t.id = k.team_id
    JOIN gateway.orgs o ON o.id = k.org_id
   WHERE k.key_sha256 = $1`;

/** A team is refused when it or its org is revoked. */
const TEAM = `
  SELECT t.id, t.org_id, t.rpm, t.tpm, (t.revoked_at IS NOT NULL OR o.revoked_at IS NOT NULL) AS revoked
    FROM gateway.teams t JOIN gateway.orgs o ON o.id = t.org_id
   WHERE t.id = $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads keys for authentication: one indexed query per cache miss. */
@Injectable()
export class IdentityRepository {
  constructor(@Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource) {}

  async findByDigest(sha256: string): Promise<KeyLookup> {
    const [row] = (await this.ds.query(BY_DIGEST, [sha256])) as KeyRow[];
    if (!row) return { refused: 'unknown' };
    if (row.revoked) return { refused: 'revoked' };
    return {
      identity: Object.freeze({
        keyId: row.id,
        userId: row.user_id,
        teamId: row.team_id,
        orgId: row.org_id,
        role: row.role,
        models: row.models ? Object.freeze([...row.models]) as string[] : null,
        expiresAt: row.expires_at ? row.expires_at.getTime() : null,
        keyLimits: { rpm: row.rpm, tpm: row.tpm },
        teamLimits: { rpm: row.team_rpm, tpm: row.team_tpm },
        master: false,
      }),
    };
  }

  /**
   * A team as the owner of SSO identities: an identity with the team's org and
   * limits and no key or user (the token supplies those), or why it is refused.
   */
  async findTeam(teamId: string): Promise<KeyLookup> {
    if (!UUID.test(teamId)) return { refused: 'unknown' };
    const [row] = (await this.ds.query(TEAM, [teamId])) as { id: string; org_id: string; rpm: number | null; tpm: number | null; revoked: boolean }[];
    if (!row) return { refused: 'unknown' };
    if (row.revoked) return { refused: 'revoked' };
    return {
      identity: Object.freeze({
        keyId: '', userId: '', teamId: row.id, orgId: row.org_id, role: 'member', models: null, expiresAt: null,
        keyLimits: {}, teamLimits: { rpm: row.rpm, tpm: row.tpm }, master: false,
      }),
    };
  }
}
