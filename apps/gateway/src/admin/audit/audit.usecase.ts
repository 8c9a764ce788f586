import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../../identity/db/audit-entry.entity.js';
import type { Identity } from '../../identity/identity.js';
import { GATEWAY_DATA_SOURCE } from '../../identity/identity.tokens.js';
import { AuditSealer } from '../store/audit-sealer.js';
import { parsePage } from '../page.js';
import { requireAdmin, scopeOf } from '../tenancy.js';
import { listView, unix, type ListView } from '../view.js';

export type AuditView = ReturnType<typeof auditView>;

function auditView(e: AuditEntryEntity, sealer: AuditSealer) {
  return {
    object: 'audit_entry' as const,
    id: e.id,
    created_at: unix(e.at),
    actor_key_id: e.actorKeyId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    org_id: e.orgId,
    team_id: e.teamId,
    before: sealer.open(e.id, 'before', e.before),
    after: sealer.open(e.id, 'after', e.after),
  };
}

/** The admin audit log, oldest first: the master key sees all of it, an org admin its org's. */
@Injectable()
export class AuditUseCase {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  async list(actor: Identity, query: Record<string, unknown>): Promise<ListView<AuditView>> {
    requireAdmin(actor, 'read the audit log');
    const { orgId } = scopeOf(actor);
    const page = parsePage(query, ['entity_id']);
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'ASC').limit(page.limit + 1);
    if (orgId) qb.andWhere('a.orgId = :orgId', { orgId });
    if (page.filters.entity_id) qb.andWhere('a.entityId = :entityId', { entityId: page.filters.entity_id });
    if (page.after) qb.andWhere('a.id > :after', { after: page.after });
    const rows = await qb.getMany();
    return listView(rows.slice(0, page.limit).map((r) => auditView(r, this.sealer)), rows.length > page.limit);
  }
}
