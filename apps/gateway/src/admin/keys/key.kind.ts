import { ApiKeyEntity } from '../../identity/db/api-key.entity.js';
import type { AdminKind } from '../store/admin-kind.js';
import { lifecycle, unix } from '../view.js';

/** The key and its hash never appear here: this view is also what the audit log stores. */
export const keyKind = {
  type: 'key',
  label: 'API key',
  entity: ApiKeyEntity,
  orgProperty: 'orgId',
  teamProperty: 'teamId',
  filters: { team_id: 'teamId', user_id: 'userId' },
  owner: (k) => ({ orgId: k.orgId, teamId: k.teamId }),
  view: (k) => ({
    object: 'api_key',
    id: k.id,
    name: k.name,
    redacted_key: k.keyHint,
    role: k.role,
    org_id: k.orgId,
    team_id: k.teamId,
    user_id: k.userId,
    models: k.models,
    rpm: k.rpm,
    tpm: k.tpm,
    expires_at: unix(k.expiresAt),
    created_by: k.createdBy,
    ...lifecycle(k),
  }),
  change: (k) => ({ keySha256: k.keySha256, keyId: k.id, teamId: k.teamId, orgId: k.orgId }),
  canManage: (actor, k) => actor.role === 'admin' || k.role !== 'admin',
} satisfies AdminKind<ApiKeyEntity>;

export type KeyView = ReturnType<typeof keyKind.view>;
