import { TeamEntity } from '../../identity/db/team.entity.js';
import type { AdminKind } from '../store/admin-kind.js';
import { lifecycle } from '../view.js';

export const teamKind = {
  type: 'team',
  label: 'Team',
  entity: TeamEntity,
  orgProperty: 'orgId',
  teamProperty: 'id',
  filters: { org_id: 'orgId' },
  owner: (t) => ({ orgId: t.orgId, teamId: t.id }),
  view: (t) => ({ object: 'team', id: t.id, org_id: t.orgId, name: t.name, rpm: t.rpm, tpm: t.tpm, ...lifecycle(t) }),
  change: (t) => ({ teamId: t.id, orgId: t.orgId }),
} satisfies AdminKind<TeamEntity>;

export type TeamView = ReturnType<typeof teamKind.view>;
