import type { IdentityChanged } from '@helix/contracts';

/**
 * What changed, narrowest first: a key (by digest), else every key of a team,
 * else every key of an org. Replicas evict matching cached identities.
 */
export interface IdentityChange {
  keySha256?: string;
  keyId?: string;
  teamId?: string;
  orgId?: string;
}

export function changeFromWire(msg: IdentityChanged): IdentityChange {
  const change: IdentityChange = {};
  if (msg.keySha256) change.keySha256 = msg.keySha256;
  if (msg.keyId) change.keyId = msg.keyId;
  if (msg.teamId) change.teamId = msg.teamId;
  if (msg.orgId) change.orgId = msg.orgId;
  return change;
}

/** Which cached identity a change covers. */
export function covers(change: IdentityChange, sha256: string, owner: { teamId: string; orgId: string } | undefined): boolean {
  if (change.keySha256) return change.keySha256 === sha256;
  if (change.teamId) return owner?.teamId === change.teamId;
  if (change.orgId) return owner?.orgId === change.orgId;
  return true;
}
