import { OrgEntity } from '../../identity/db/org.entity.js';
import type { AdminKind } from '../store/admin-kind.js';
import { lifecycle } from '../view.js';

export const orgKind = {
  type: 'org',
  label: 'Organization',
  entity: OrgEntity,
  orgProperty: 'id',
  owner: (o) => ({ orgId: o.id, teamId: null }),
  view: (o) => ({ object: 'organization', id: o.id, name: o.name, ...lifecycle(o) }),
  change: (o) => (o.revokedAt ? { orgId: o.id } : null),
} satisfies AdminKind<OrgEntity>;

export type OrgView = ReturnType<typeof orgKind.view>;
