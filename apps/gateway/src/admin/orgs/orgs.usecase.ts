import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@helix/contracts';
import { OrgEntity } from '../../identity/db/org.entity.js';
import type { Identity } from '../../identity/identity.js';
import { adminBody, name } from '../admin-body.js';
import { AdminResource } from '../resource.js';
import { AdminStore } from '../store/admin.store.js';
import { requireMaster } from '../tenancy.js';
import { orgKind, type OrgView } from './org.kind.js';

const createBody = adminBody<{ name: string }>({ type: 'object', properties: { name }, required: ['name'] });
const updateBody = adminBody<{ name?: string }>({ type: 'object', properties: { name } });

/** Organizations: the master key creates and revokes them; an org admin reads and renames its own. */
@Injectable()
export class OrgsUseCase extends AdminResource<OrgEntity, OrgView> {
  constructor(store: AdminStore) {
    super(store, orgKind);
  }

  async create(actor: Identity, body: unknown): Promise<OrgView> {
    requireMaster(actor, 'create organizations');
    const { name } = createBody(body);
    return orgKind.view(await this.store.create(orgKind, actor, Object.assign(new OrgEntity(), { id: uuidv7(), name })));
  }

  update(actor: Identity, id: string, body: unknown): Promise<OrgView> {
    const patch = updateBody(body);
    return this.change(actor, id, (o) => Object.assign(o, patch));
  }

  override revoke(actor: Identity, id: string): Promise<OrgView> {
    requireMaster(actor, 'revoke organizations');
    return super.revoke(actor, id);
  }
}
