import { uuidv7 } from '@helix/contracts';
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../../identity/db/audit-entry.entity.js';
import type { Identity } from '../../identity/identity.js';
import type { Owner } from '../tenancy.js';
import type { EntityType } from './admin-kind.js';
import type { AuditSealer } from './audit-sealer.js';

export interface AuditRecord {
  actor: Identity;
  action: AuditEntryEntity['action'];
  entityType: EntityType;
  entityId: string;
  owner: Owner;
  before: object | null;
  after: object | null;
  at: Date;
}

/** Writes one audit entry in the caller's transaction, so a change and its entry commit together; payloads sealed when encryption is on. */
export async function writeAudit(em: EntityManager, sealer: AuditSealer, r: AuditRecord): Promise<void> {
  const id = uuidv7(r.at.getTime());
  await em.insert(AuditEntryEntity, {
    id,
    at: r.at,
    actorKeyId: r.actor.keyId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    orgId: r.owner.orgId,
    teamId: r.owner.teamId,
    before: sealer.seal(id, 'before', r.before),
    after: sealer.seal(id, 'after', r.after),
  });
}
