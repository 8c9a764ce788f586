import type { Identity } from '../identity/identity.js';

export type LimitScope = 'key' | 'team';
export type LimitKind = 'requests' | 'tokens';

/** The limit that refused a request. */
export interface LimitedBy {
  scope: LimitScope;
  kind: LimitKind;
  limit: number;
  /** What this request asked of it: 1 request, or its estimated tokens. */
  requested: number;
}

/** The answer to one request. */
export interface Admission {
  allowed: boolean;
  /** Seconds until a retry can pass; 0 when allowed. */
  retryAfterS: number;
  /** `x-ratelimit-{limit,remaining,reset}-{requests,tokens}` of the tighter of key and team; empty without limits. */
  headers: Record<string, string>;
  limitedBy?: LimitedBy;
  /** The request alone needs more tokens than a per-minute limit: no retry can pass. */
  tooLarge?: boolean;
}

/**
 * Requests and tokens per minute, per key and per team, checked together: a
 * request is admitted, and consumes from all four limits, only when every one
 * of them has room. The Redis and the in-memory limiter have the same semantics
 * (one contract suite runs against both).
 */
export interface RateLimiter {
  /** Checks and consumes 1 request and `estimatedTokens` tokens. */
  admit(identity: Identity, estimatedTokens: number): Promise<Admission>;
  /** After the response: gives back (negative) or takes more (positive) tokens, actual minus estimated. */
  settle(identity: Identity, tokenDelta: number): Promise<void>;
}

/** DI token of the process's {@link RateLimiter}. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');

/** DI token of the ioredis client for rate limits; `null` selects the in-memory limiter (embedded mode). */
export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');
