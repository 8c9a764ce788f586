import { Inject, Injectable } from '@nestjs/common';
import { Errors } from '@helix/contracts';
import { HelixConfig } from '@helix/config';
import { JwtVerifier, looksLikeJwt } from '@helix/platform';
import { IdentityCache } from './identity-cache.js';
import type { Identity } from './identity.js';
import { authFailures } from './identity.metrics.js';
import { IdentityRepository } from './identity.repository.js';

/** Key id prefix of identities that came from an SSO token (`jwt:<user claim>`). */
export const JWT_KEY_PREFIX = 'jwt:';

/**
 * SSO beside virtual keys (`auth.jwt`): a bearer JWT of the configured issuer
 * becomes the same `Identity` a key gives, so roles, rate limits and budgets
 * apply alike. The token names a provisioned team (and its org); the gateway
 * checks the team exists in that org and is not revoked, and takes the team's
 * limits from it. The user is the token's user claim, recorded as is: no
 * `gateway.users` row is created (`keyId` is `jwt:<user>`). Team lookups share
 * the key cache, so revoking a team or org reaches tokens as it reaches keys.
 */
@Injectable()
export class JwtAuthenticator {
  private readonly verifier?: JwtVerifier;

  constructor(
    @Inject(HelixConfig) config: HelixConfig,
    private readonly repository: IdentityRepository,
    private readonly cache: IdentityCache,
  ) {
    if (config.auth.jwt) this.verifier = new JwtVerifier(config.auth.jwt);
  }

  /** The credential is a JWT and SSO is configured. */
  accepts(credential: string): boolean {
    return this.verifier !== undefined && looksLikeJwt(credential);
  }

  async authenticate(token: string): Promise<Identity> {
    const claims = await this.verifier!.verify(token).catch((err: unknown) => {
      authFailures.inc({ reason: 'unknown' });
      throw err;
    });
    const team = await this.team(claims.teamId);
    if (!team || team.orgId !== claims.orgId) {
      authFailures.inc({ reason: team === null ? 'revoked' : 'unknown' });
      throw Errors.unauthorized(team === null ? 'The token names a revoked team or org.' : 'The token names no team of its org.');
    }
    return Object.freeze({
      ...team,
      keyId: `${JWT_KEY_PREFIX}${claims.userId}`,
      userId: claims.userId,
      role: claims.role,
      expiresAt: claims.expiresAt,
    });
  }

  /** The team's identity template; null when revoked, undefined when unknown. */
  private async team(teamId: string): Promise<Identity | null | undefined> {
    const ref = `jwt-team:${teamId}`;
    let found = this.cache.get(ref);
    if (!found) {
      const epoch = this.cache.begin();
      found = await this.repository.findTeam(teamId);
      this.cache.put(ref, found, epoch);
    }
    if ('identity' in found) return found.identity;
    return found.refused === 'revoked' ? null : undefined;
  }
}
