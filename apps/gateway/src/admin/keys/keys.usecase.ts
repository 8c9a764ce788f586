import { Inject, Injectable } from '@nestjs/common';
import { Errors, uuidv7 } from '@helix/contracts';
import { CLOCK, type Clock } from '../../identity/clock.js';
import { ApiKeyEntity } from '../../identity/db/api-key.entity.js';
import type { Identity } from '../../identity/identity.js';
import { keyHint, keySha256, newApiKey } from '../../identity/key-material.js';
import { AdminResource } from '../resource.js';
import { AdminStore } from '../store/admin.store.js';
import { scopeOf } from '../tenancy.js';
import { userKind } from '../users/user.kind.js';
import { keyKind, type KeyView } from './key.kind.js';
import { createKeyBody, updateKeyBody, type KeyPatch } from './key.schemas.js';

/** Keys: org admins manage their org's, team admins their team's (never an admin key). The key is shown once. */
@Injectable()
export class KeysUseCase extends AdminResource<ApiKeyEntity, KeyView> {
  constructor(
    store: AdminStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(store, keyKind);
  }

  async create(actor: Identity, body: unknown): Promise<KeyView & { key: string }> {
    const { user_id, ...patch } = createKeyBody(body);
    this.check(actor, patch);
    const user = await this.store.parent(userKind, scopeOf(actor), user_id, 'user_id');
    const key = newApiKey();
    const entity = Object.assign(new ApiKeyEntity(), {
      id: uuidv7(),
      keySha256: keySha256(key),
      keyHint: keyHint(key),
      userId: user.id,
      teamId: user.teamId,
      orgId: user.orgId,
      name: null,
      models: null,
      rpm: null,
      tpm: null,
      expiresAt: null,
      createdBy: actor.keyId,
    });
    applyPatch(entity, patch);
    return { ...keyKind.view(await this.store.create(keyKind, actor, entity)), key };
  }

  update(actor: Identity, keyId: string, body: unknown): Promise<KeyView> {
    const patch = updateKeyBody(body);
    this.check(actor, patch);
    return this.change(actor, keyId, (k) => applyPatch(k, patch));
  }

  private check(actor: Identity, patch: KeyPatch): void {
    if (patch.role === 'admin' && actor.role !== 'admin') throw Errors.forbidden('A team admin cannot give a key the admin role.');
    if (patch.expires_at != null && patch.expires_at * 1000 <= this.clock.now()) {
      throw Errors.badRequest("Invalid value for 'expires_at': it must be in the future.", 'expires_at', 'invalid_value');
    }
  }
}

function applyPatch(k: ApiKeyEntity, { expires_at, ...rest }: KeyPatch): void {
  Object.assign(k, rest);
  if (expires_at !== undefined) k.expiresAt = expires_at === null ? null : new Date(expires_at * 1000);
}
