import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Bus } from '@helix/bus';
import { ErrorCodes, Errors, RpcSubjects, Role, type IdentityVerifyReply } from '@helix/contracts';
import { looksLikeJwt, type JwtVerifier } from '@helix/platform';
import type { Caller } from './caller.js';

const ROLES: Partial<Record<Role, Caller['role']>> = { [Role.ADMIN]: 'admin', [Role.TEAM_ADMIN]: 'team-admin', [Role.MEMBER]: 'member', [Role.ANALYST]: 'analyst' };
type Answer = { caller: Caller; expiresAtMs: number } | { invalid: string };

/**
 * Verifies keys by asking the gateway (`helix.identity.verify.v1`, only the key's
 * SHA-256 crosses the bus) and keeps each answer for `cacheMs`, so a revoked key
 * is refused within that time. A gateway that does not answer is a 503.
 * With `auth.jwt`, an SSO token is verified here against the issuer's JWKS and its
 * org and team claims are taken as signed (tokens never cross the bus; the gateway
 * also checks the team exists, which this process cannot).
 */
export class IdentityVerifier {
  private readonly cache = new LRUCache<string, { answer: Answer; until: number }>({ max: 10_000 });

  constructor(
    private readonly bus: Bus,
    private readonly cacheMs: () => number,
    private readonly now: () => number = Date.now,
    private readonly jwt?: JwtVerifier,
  ) {}

  async verify(key: string | undefined): Promise<Caller> {
    if (!key) throw Errors.unauthorized();
    if (this.jwt && looksLikeJwt(key)) {
      const t = await this.jwt.verify(key);
      return { keyId: `jwt:${t.userId}`, userId: t.userId, teamId: t.teamId, orgId: t.orgId, role: t.role, master: false };
    }
    const sha = createHash('sha256').update(key).digest('hex');
    const now = this.now();
    let entry = this.cache.get(sha);
    if (!entry || entry.until <= now) {
      entry = { answer: answerOf(await this.ask(sha)), until: now + this.cacheMs() };
      this.cache.set(sha, entry);
    }
    const { answer } = entry;
    if ('invalid' in answer || (answer.expiresAtMs && answer.expiresAtMs <= now)) throw Errors.unauthorized();
    return answer.caller;
  }

  private async ask(keySha256: string): Promise<IdentityVerifyReply> {
    try {
      return await this.bus.request(RpcSubjects.identityVerify, { keySha256 }, { timeoutMs: 2_000 });
    } catch {
      throw Errors.unavailable('The gateway did not answer the key check. Retry shortly.', ErrorCodes.busUnavailable);
    }
  }
}

function answerOf(r: IdentityVerifyReply): Answer {
  const role = ROLES[r.role];
  if (!r.valid || !role) return { invalid: r.reason || 'invalid' };
  return {
    caller: { keyId: r.keyId, userId: r.userId, teamId: r.teamId, orgId: r.orgId, role, master: role === 'admin' && r.orgId === '' },
    expiresAtMs: Number(r.expiresAtMs),
  };
}
