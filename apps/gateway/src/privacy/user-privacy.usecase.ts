import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { uuidv7 } from '@helix/contracts';
import { AuditSealer } from '../admin/store/audit-sealer.js';
import { writeAudit } from '../admin/store/audit.writer.js';
import { requireAdmin, scopeOf } from '../admin/tenancy.js';
import { UsersUseCase } from '../admin/users/users.usecase.js';
import type { Identity } from '../identity/identity.js';
import { GATEWAY_DATA_SOURCE } from '../identity/identity.tokens.js';
import { GatewayUserData } from './gateway-user-data.js';
import { HOLDER_NAMES, UserDataClients, type DataSubject, type Holder } from './user-data.clients.js';

/** What an erasure changed, per place. */
export interface ErasureView {
  object: 'user.erasure';
  user_id: string;
  pseudonym: string;
  records: Record<'gateway' | Holder, number>;
}

const PSEUDONYM = /^erased-[0-9a-f-]{36}$/;

/**
 * GDPR/CCPA for one user, by an admin (its org) or the master key: an export of
 * everything Helix keeps about the user (gateway, ledger, analytics), and an
 * erasure that revokes the user and replaces their identifiers by one pseudonym
 * everywhere, amounts kept. A retry after a service did not answer reuses the
 * pseudonym. The erasure is written to the audit log.
 */
@Injectable()
export class UserPrivacyUseCase {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource,
    private readonly gateway: GatewayUserData,
    private readonly users: UsersUseCase,
    private readonly services: UserDataClients,
    private readonly sealer: AuditSealer,
  ) {}

  async erase(actor: Identity, userId: string): Promise<ErasureView> {
    requireAdmin(actor, 'erase a user');
    const scope = scopeOf(actor);
    const user = await this.gateway.user(scope, userId);
    const subject = await this.subject(scope, user.id);
    const pseudonym = PSEUDONYM.test(user.name) ? user.name : `erased-${uuidv7()}`;
    await this.users.revoke(actor, user.id);
    const records = { gateway: await this.gateway.erase(user.id, subject.keyIds, pseudonym) } as ErasureView['records'];
    const counts = await Promise.all(HOLDER_NAMES.map((h) => this.services.erase(h, subject, pseudonym)));
    HOLDER_NAMES.forEach((h, i) => (records[h] = counts[i]!));
    await this.audit(actor, user, { erasure: { pseudonym, records } });
    return { object: 'user.erasure', user_id: user.id, pseudonym, records };
  }

  /** The export, as the parts of one JSON document, streamed (the services' records a page at a time). */
  async *export(actor: Identity, userId: string): AsyncGenerator<string> {
    requireAdmin(actor, 'export a user');
    const scope = scopeOf(actor);
    const user = await this.gateway.user(scope, userId);
    const subject = await this.subject(scope, user.id);
    const keys = await this.gateway.keys(user.id);
    yield `{"object":"user.export","exported_at":${JSON.stringify(new Date().toISOString())},"user":${JSON.stringify(user)},"keys":${JSON.stringify(keys)}`;
    yield `,"audit":${JSON.stringify(await this.gateway.audit([user.id, ...subject.keyIds]))}`;
    for (const holder of HOLDER_NAMES) {
      let first = true;
      yield `,${JSON.stringify(holder)}:[`;
      for await (const page of this.services.records(holder, subject)) {
        if (!page.length) continue;
        yield (first ? '' : ',') + page.map((r) => JSON.stringify(r)).join(',');
        first = false;
      }
      yield ']';
    }
    yield '}';
  }

  private async subject(scope: DataSubject['scope'], userId: string): Promise<DataSubject> {
    const keys = await this.gateway.keys(userId);
    return { userId, keyIds: keys.map((k) => String(k.id)), scope: { orgId: scope.orgId, teamId: scope.teamId } };
  }

  /** The erasure's audit entry: an `update` of the user (the audit log's actions are create, update and revoke) whose `after` holds the erasure. */
  private async audit(actor: Identity, user: { id: string; org_id: string; team_id: string }, after: object): Promise<void> {
    await this.ds.transaction((em) =>
      writeAudit(em, this.sealer, { actor, action: 'update', entityType: 'user', entityId: user.id, owner: { orgId: user.org_id, teamId: user.team_id }, before: null, after, at: new Date() }),
    );
  }
}
