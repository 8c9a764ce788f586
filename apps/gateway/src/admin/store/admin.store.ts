import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Errors, ErrorTypes, HelixError } from '@helix/contracts';
import { CLOCK, type Clock } from '../../identity/clock.js';
import type { Revocable } from '../../identity/db/revocable.js';
import type { Identity } from '../../identity/identity.js';
import { IdentityService } from '../../identity/identity.service.js';
import { GATEWAY_DATA_SOURCE } from '../../identity/identity.tokens.js';
import { UUID, type PageQuery } from '../page.js';
import { inScope, type Scope } from '../tenancy.js';
import type { AdminKind } from './admin-kind.js';
import { AuditSealer } from './audit-sealer.js';
import { writeAudit } from './audit.writer.js';

export interface Page<E> {
  rows: E[];
  hasMore: boolean;
}

/**
 * Reads and writes admin entities of any kind within a caller's scope. Every
 * change is one transaction with its audit entry; after commit, a change that
 * affects identities is announced to every replica. Out of scope reads as not found.
 */
@Injectable()
export class AdminStore {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource,
    private readonly identities: IdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sealer: AuditSealer,
  ) {}

  async list<E extends Revocable>(kind: AdminKind<E>, scope: Scope, page: PageQuery): Promise<Page<E>> {
    const qb = this.ds.getRepository(kind.entity).createQueryBuilder('e').orderBy('e.id', 'ASC').limit(page.limit + 1);
    if (scope.orgId) qb.andWhere(`e.${kind.orgProperty} = :orgId`, { orgId: scope.orgId });
    if (scope.teamId) {
      if (!kind.teamProperty) return { rows: [], hasMore: false };
      qb.andWhere(`e.${kind.teamProperty} = :teamId`, { teamId: scope.teamId });
    }
    for (const [param, value] of Object.entries(page.filters)) qb.andWhere(`e.${kind.filters?.[param]} = :${param}`, { [param]: value });
    if (page.after) qb.andWhere('e.id > :after', { after: page.after });
    if (!page.includeRevoked) qb.andWhere('e.revokedAt IS NULL');
    const rows = await qb.getMany();
    return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  }

  async get<E extends Revocable>(kind: AdminKind<E>, scope: Scope, id: string): Promise<E> {
    return this.found(kind, scope, id, UUID.test(id) ? await this.ds.getRepository(kind.entity).findOneBy({ id } as FindOptionsWhere<E>) : null);
  }

  /** The live entity a request body points at (`team_id`, `user_id`, ...): else a 400 naming that field. */
  async parent<E extends Revocable>(kind: AdminKind<E>, scope: Scope, id: string, param: string): Promise<E> {
    const e = await this.get(kind, scope, id).catch(() => null);
    if (!e) throw Errors.badRequest(`No ${kind.label.toLowerCase()} with id ${id}.`, param, 'invalid_value');
    if (e.revokedAt) throw Errors.badRequest(`${kind.label} ${id} is revoked.`, param, 'invalid_value');
    return e;
  }

  async create<E extends Revocable>(kind: AdminKind<E>, actor: Identity, e: E): Promise<E> {
    const at = new Date(this.clock.now());
    Object.assign(e, { createdAt: at, updatedAt: at, revokedAt: null, revokedBy: null });
    await this.ds.transaction(async (em) => {
      await em.insert(kind.entity, e as never);
      await writeAudit(em, this.sealer, { actor, action: 'create', entityType: kind.type, entityId: e.id, owner: kind.owner(e), before: null, after: kind.view(e), at });
    });
    return e;
  }

  update<E extends Revocable>(kind: AdminKind<E>, actor: Identity, scope: Scope, id: string, apply: (e: E) => void): Promise<E> {
    return this.mutate(kind, actor, scope, id, 'update', apply);
  }

  revoke<E extends Revocable>(kind: AdminKind<E>, actor: Identity, scope: Scope, id: string): Promise<E> {
    return this.mutate(kind, actor, scope, id, 'revoke', (e) => Object.assign(e, { revokedAt: new Date(this.clock.now()), revokedBy: actor.keyId }));
  }

  private async mutate<E extends Revocable>(
    kind: AdminKind<E>,
    actor: Identity,
    scope: Scope,
    id: string,
    action: 'update' | 'revoke',
    apply: (e: E) => void,
  ): Promise<E> {
    const { entity, changed } = await this.ds.transaction(async (em) => {
      const e = await this.lockedForChange(em, kind, actor, scope, id);
      if (e.revokedAt) {
        if (action === 'revoke') return { entity: e, changed: false };
        throw new HelixError(409, ErrorTypes.invalidRequest, `${kind.label} ${id} is revoked and cannot change.`, 'revoked');
      }
      const before = kind.view(e);
      apply(e);
      if (JSON.stringify(kind.view(e)) === JSON.stringify(before)) return { entity: e, changed: false };
      e.updatedAt = new Date(this.clock.now());
      await em.save(e);
      await writeAudit(em, this.sealer, { actor, action, entityType: kind.type, entityId: e.id, owner: kind.owner(e), before, after: kind.view(e), at: e.updatedAt });
      return { entity: e, changed: true };
    });
    const change = changed ? kind.change(entity) : null;
    if (change) await this.identities.changed(change);
    return entity;
  }

  private async lockedForChange<E extends Revocable>(em: EntityManager, kind: AdminKind<E>, actor: Identity, scope: Scope, id: string): Promise<E> {
    const row = UUID.test(id)
      ? await em.findOne(kind.entity, { where: { id } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } })
      : null;
    const e = this.found(kind, scope, id, row);
    if (kind.canManage && !kind.canManage(actor, e)) throw Errors.forbidden(`This key cannot change ${kind.label} ${id}.`);
    return e;
  }

  private found<E extends Revocable>(kind: AdminKind<E>, scope: Scope, id: string, e: E | null): E {
    if (!e || !inScope(scope, kind.owner(e))) throw Errors.notFound(`${kind.label} ${id} not found.`);
    return e;
  }
}
