import type { Revocable } from '../identity/db/revocable.js';
import type { Identity } from '../identity/identity.js';
import { parsePage } from './page.js';
import type { AdminKind } from './store/admin-kind.js';
import type { AdminStore } from './store/admin.store.js';
import { scopeOf } from './tenancy.js';
import { listView, type ListView } from './view.js';

/** List, get and revoke, the same for every admin entity; each entity's use case adds create and update. */
export abstract class AdminResource<E extends Revocable, V extends { id: string }> {
  protected constructor(
    protected readonly store: AdminStore,
    protected readonly kind: AdminKind<E, V>,
  ) {}

  abstract create(actor: Identity, body: unknown): Promise<V>;

  abstract update(actor: Identity, id: string, body: unknown): Promise<V>;

  async list(actor: Identity, query: Record<string, unknown>): Promise<ListView<V>> {
    const page = parsePage(query, Object.keys(this.kind.filters ?? {}));
    const { rows, hasMore } = await this.store.list(this.kind, scopeOf(actor), page);
    return listView(rows.map((e) => this.kind.view(e)), hasMore);
  }

  async get(actor: Identity, id: string): Promise<V> {
    return this.kind.view(await this.store.get(this.kind, scopeOf(actor), id));
  }

  async revoke(actor: Identity, id: string): Promise<V> {
    return this.kind.view(await this.store.revoke(this.kind, actor, scopeOf(actor), id));
  }

  protected async change(actor: Identity, id: string, apply: (e: E) => void): Promise<V> {
    return this.kind.view(await this.store.update(this.kind, actor, scopeOf(actor), id, apply));
  }
}
