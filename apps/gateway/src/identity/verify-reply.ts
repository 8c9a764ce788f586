import type { MessageInitShape } from '@bufbuild/protobuf';
import { Role as WireRole, type IdentityVerifyReplySchema } from '@helix/contracts';
import type { Role } from './identity.js';
import type { Resolution } from './identity.service.js';

export type VerifyReply = MessageInitShape<typeof IdentityVerifyReplySchema>;

const wireRoles: Record<Role, WireRole> = {
  admin: WireRole.ADMIN,
  'team-admin': WireRole.TEAM_ADMIN,
  member: WireRole.MEMBER,
  analyst: WireRole.ANALYST,
};

/**
 * A resolution as `IdentityVerifyReply`. `models` empty means every model (keys
 * never hold an empty list); `expires_at_ms` 0 means never. The master key
 * answers as an admin with empty team and org.
 */
export function toVerifyReply(resolution: Resolution): VerifyReply {
  if (!resolution.ok) return { valid: false, reason: resolution.reason };
  const { identity: id } = resolution;
  return {
    valid: true,
    keyId: id.keyId,
    userId: id.userId,
    teamId: id.teamId,
    orgId: id.orgId,
    role: wireRoles[id.role],
    models: id.models ?? [],
    expiresAtMs: BigInt(id.expiresAt ?? 0),
  };
}
