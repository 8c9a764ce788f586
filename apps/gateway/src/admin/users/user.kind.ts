import { UserEntity } from '../../identity/db/user.entity.js';
import type { AdminKind } from '../store/admin-kind.js';
import { lifecycle } from '../view.js';

export const userKind = {
  type: 'user',
  label: 'User',
  entity: UserEntity,
  orgProperty: 'orgId',
  teamProperty: 'teamId',
  filters: { team_id: 'teamId' },
  owner: (u) => ({ orgId: u.orgId, teamId: u.teamId }),
  view: (u) => ({ object: 'user', id: u.id, org_id: u.orgId, team_id: u.teamId, name: u.name, email: u.email, ...lifecycle(u) }),
  change: (u) => (u.revokedAt ? { teamId: u.teamId, orgId: u.orgId } : null),
} satisfies AdminKind<UserEntity>;

export type UserView = ReturnType<typeof userKind.view>;
