import { Injectable } from '@nestjs/common';
import { Errors, uuidv7 } from '@helix/contracts';
import { TeamEntity } from '../../identity/db/team.entity.js';
import type { Identity } from '../../identity/identity.js';
import { adminBody, id, name, perMinute } from '../admin-body.js';
import { orgKind } from '../orgs/org.kind.js';
import { AdminResource } from '../resource.js';
import { AdminStore } from '../store/admin.store.js';
import { requireAdmin, scopeOf } from '../tenancy.js';
import { teamKind, type TeamView } from './team.kind.js';

interface TeamPatch {
  name?: string;
  rpm?: number | null;
  tpm?: number | null;
}

const createBody = adminBody<TeamPatch & { name: string; org_id?: string }>({
  type: 'object',
  properties: { org_id: id, name, rpm: perMinute, tpm: perMinute },
  required: ['name'],
});
const updateBody = adminBody<TeamPatch>({ type: 'object', properties: { name, rpm: perMinute, tpm: perMinute } });

/** Teams: org admins manage their org's; a team admin reads its own. */
@Injectable()
export class TeamsUseCase extends AdminResource<TeamEntity, TeamView> {
  constructor(store: AdminStore) {
    super(store, teamKind);
  }

  async create(actor: Identity, body: unknown): Promise<TeamView> {
    requireAdmin(actor, 'create teams');
    const scope = scopeOf(actor);
    const { org_id, name, rpm = null, tpm = null } = createBody(body);
    const orgId = org_id ?? scope.orgId;
    if (!orgId) throw Errors.badRequest("Missing required parameter: 'org_id'.", 'org_id', 'missing_required_parameter');
    await this.store.parent(orgKind, scope, orgId, 'org_id');
    const team = Object.assign(new TeamEntity(), { id: uuidv7(), orgId: orgId.toLowerCase(), name, rpm, tpm });
    return teamKind.view(await this.store.create(teamKind, actor, team));
  }

  update(actor: Identity, teamId: string, body: unknown): Promise<TeamView> {
    requireAdmin(actor, 'change teams');
    const patch = updateBody(body);
    return this.change(actor, teamId, (t) => Object.assign(t, patch));
  }

  override revoke(actor: Identity, teamId: string): Promise<TeamView> {
    requireAdmin(actor, 'revoke teams');
    return super.revoke(actor, teamId);
  }
}
