/** What a key may do (DESIGN §6). */
export type Role = 'admin' | 'team-admin' | 'member' | 'analyst';

export const ROLES: readonly Role[] = ['admin', 'team-admin', 'member', 'analyst'];

/** Requests and tokens per minute; absent = unlimited. */
export interface RateLimits {
  rpm?: number | null;
  tpm?: number | null;
}

/** Who is calling: the key behind a request, resolved by the auth step. */
export interface Identity {
  keyId: string;
  userId: string;
  teamId: string;
  orgId: string;
  role: Role;
  /** Models this key may use; null means every model. */
  models: string[] | null;
  /** Epoch ms; null = never expires. */
  expiresAt: number | null;
  keyLimits: RateLimits;
  teamLimits: RateLimits;
  /** The bootstrap master key, which is an admin outside any team. */
  master: boolean;
}
