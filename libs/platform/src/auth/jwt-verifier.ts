import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtAuthConfig } from '@helix/config';
import { ErrorCodes, Errors } from '@helix/contracts';

/** Who a verified token names, from the configured claims. */
export interface JwtIdentity {
  /** `<iss>#<sub>`: stable per token holder, recorded as the key id. */
  subject: string;
  orgId: string;
  teamId: string;
  userId: string;
  role: 'admin' | 'team-admin' | 'member' | 'analyst';
  /** Epoch ms of `exp`; null when the token has none. */
  expiresAt: number | null;
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ROLE_NAMES = new Set(['admin', 'team-admin', 'member', 'analyst']);

/** A bearer credential shaped like a JWS compact token (virtual keys start with `hx-` and have no dots). */
export function looksLikeJwt(credential: string): boolean {
  return JWT_SHAPE.test(credential);
}

/**
 * Verifies bearer JWTs of the configured OIDC issuer (signature against its JWKS,
 * `iss`, `aud`, `exp`, `nbf` with the configured skew) and maps the configured
 * claims to an identity. The JWKS is found once through discovery (or comes from
 * `jwksUri`), cached, and fetched again for an unknown `kid` at most once per cooldown.
 * Refusals are 401 `invalid_api_key`; an issuer that cannot be reached is a 503.
 */
export class JwtVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(private readonly cfg: JwtAuthConfig) {}

  async verify(token: string): Promise<JwtIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.cfg.issuer,
        audience: [...this.cfg.audiences],
        algorithms: [...this.cfg.algorithms],
        clockTolerance: this.cfg.clockToleranceSec,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      throw refusal(err);
    }
    return this.identityOf(payload);
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.jwksUrl().then((url) =>
      createRemoteJWKSet(url, { cacheMaxAge: this.cfg.jwksCacheMs, cooldownDuration: this.cfg.jwksCooldownMs, timeoutDuration: this.cfg.fetchTimeoutMs }),
    );
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  private async jwksUrl(): Promise<URL> {
    if (this.cfg.jwksUri) return new URL(this.cfg.jwksUri);
    const discovery = `${this.cfg.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(discovery, { signal: AbortSignal.timeout(this.cfg.fetchTimeoutMs), redirect: 'error' });
    const doc = res.ok ? ((await res.json()) as { jwks_uri?: unknown }) : {};
    if (typeof doc.jwks_uri !== 'string') throw new Error(`${discovery} answered ${res.status} without a jwks_uri`);
    return new URL(doc.jwks_uri);
  }

  private identityOf(p: JWTPayload): JwtIdentity {
    const { claims } = this.cfg;
    const text = (name: string) => {
      const v = claim(p, name);
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const orgId = text(claims.org);
    const teamId = text(claims.team);
    const userId = text(claims.user);
    if (!orgId || !teamId || !userId) {
      const missing = [!orgId && claims.org, !teamId && claims.team, !userId && claims.user].filter(Boolean).join(', ');
      throw Errors.unauthorized(`The token lacks the claims ${missing}.`);
    }
    const role = this.roleOf(claim(p, claims.role));
    if (!role) throw Errors.unauthorized(`The token's ${claims.role} claim grants no Helix role.`);
    return { subject: `${p.iss}#${p.sub ?? userId}`, orgId, teamId, userId, role, expiresAt: typeof p.exp === 'number' ? p.exp * 1000 : null };
  }

  private roleOf(value: unknown): JwtIdentity['role'] | undefined {
    const held = new Set((Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string'));
    const mapped = this.cfg.roleValues.find((r) => held.has(r.value))?.role;
    const named = [...held].find((v) => ROLE_NAMES.has(v)) as JwtIdentity['role'] | undefined;
    return mapped ?? named ?? this.cfg.defaultRole ?? undefined;
  }
}

/** A claim by name; a dotted name reads nested objects (`realm_access.roles`). A name with a dot that exists as is wins. */
function claim(p: JWTPayload, name: string): unknown {
  if (name in p) return p[name];
  return name.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), p);
}

function refusal(err: unknown) {
  if (err instanceof errors.JWTExpired) return Errors.unauthorized('The token has expired.');
  if (err instanceof errors.JWTClaimValidationFailed) return Errors.unauthorized(`The token's ${err.claim} claim is not accepted.`);
  if (err instanceof errors.JWKSNoMatchingKey) return Errors.unauthorized('The token is signed with a key the issuer does not publish.');
  if (err instanceof errors.JWSSignatureVerificationFailed) return Errors.unauthorized('The token signature does not verify.');
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError)) {
    return Errors.unavailable('The identity provider could not be reached to check the token. Retry shortly.', ErrorCodes.identityProviderUnavailable);
  }
  return Errors.unauthorized('The token is not valid.');
}
