import type { Revocable } from '../../identity/db/revocable.js';
import type { IdentityChange } from '../../identity/identity-change.js';
import type { Identity } from '../../identity/identity.js';
import type { Owner } from '../tenancy.js';

export type EntityType = 'org' | 'team' | 'user' | 'key';

/** How the generic admin store handles one entity type. */
export interface AdminKind<E extends Revocable, V extends { id: string } = { id: string } & Record<string, unknown>> {
  type: EntityType;
  /** For messages: `Team`, `API key`, ... */
  label: string;
  entity: new () => E;
  /** Entity properties that hold the owning org and team, for scoped lists. */
  orgProperty: keyof E & string;
  teamProperty?: keyof E & string;
  /** List filters: query parameter → entity property. */
  filters?: Record<string, keyof E & string>;
  owner(e: E): Owner;
  /** The JSON answer, also written to the audit log: never a secret. */
  view(e: E): V;
  /** What replicas must evict after this entity changed; null when no identity depends on it. */
  change(e: E): IdentityChange | null;
  /** Beyond the scope: may this caller change this entity? */
  canManage?(actor: Identity, e: E): boolean;
}
