import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@helix/contracts';
import { UserEntity } from '../../identity/db/user.entity.js';
import type { Identity } from '../../identity/identity.js';
import { adminBody, id, name } from '../admin-body.js';
import { AdminResource } from '../resource.js';
import { AdminStore } from '../store/admin.store.js';
import { teamKind } from '../teams/team.kind.js';
import { scopeOf } from '../tenancy.js';
import { userKind, type UserView } from './user.kind.js';

const email = { type: ['string', 'null'], pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 320 };
const createBody = adminBody<{ team_id: string; name: string; email?: string | null }>({
  type: 'object',
  properties: { team_id: id, name, email },
  required: ['team_id', 'name'],
});
const updateBody = adminBody<{ name?: string; email?: string | null }>({ type: 'object', properties: { name, email } });

/** Users: org admins manage their org's, team admins their team's. */
@Injectable()
export class UsersUseCase extends AdminResource<UserEntity, UserView> {
  constructor(store: AdminStore) {
    super(store, userKind);
  }

  async create(actor: Identity, body: unknown): Promise<UserView> {
    const { team_id, name, email = null } = createBody(body);
    const team = await this.store.parent(teamKind, scopeOf(actor), team_id, 'team_id');
    const user = Object.assign(new UserEntity(), { id: uuidv7(), orgId: team.orgId, teamId: team.id, name, email });
    return userKind.view(await this.store.create(userKind, actor, user));
  }

  update(actor: Identity, userId: string, body: unknown): Promise<UserView> {
    const patch = updateBody(body);
    return this.change(actor, userId, (u) => Object.assign(u, patch));
  }
}
