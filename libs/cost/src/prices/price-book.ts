import type { ModelPrice } from './model-price.js';

/**
 * Every price Helix knows, versioned: config overrides (each from its
 * `effectiveFrom`) over the catalogue. `priceAt` answers with the price in force
 * at a moment, so a request is priced as of when it started, and a price change
 * applies to new requests only. Built once per config; immutable.
 */
export class PriceBook {
  private readonly overrides = new Map<string, ModelPrice[]>();
  private readonly catalog: ReadonlyMap<string, ModelPrice>;
  private readonly lowerCatalog = new Map<string, ModelPrice>();

  constructor(catalog: ReadonlyMap<string, ModelPrice>, overrides: readonly ModelPrice[] = []) {
    this.catalog = catalog;
    for (const [name, price] of catalog) this.lowerCatalog.set(name.toLowerCase(), price);
    for (const o of overrides) (this.overrides.get(o.model) ?? this.overrides.set(o.model, []).get(o.model)!).push(o);
    for (const list of this.overrides.values()) list.sort((a, b) => b.effectiveFromMs - a.effectiveFromMs);
  }

  /**
   * The price of the first of `names` that has one at `atMs` (public name first,
   * then upstream names): a config override in force, else the catalogue entry
   * under the exact name, the lower-cased name or the name without its
   * `provider/` prefix. Undefined = unpriced.
   */
  priceAt(names: readonly string[], atMs: number): ModelPrice | undefined {
    for (const name of names) {
      if (!name) continue;
      const found = this.override(name, atMs) ?? this.fromCatalog(name);
      if (found) return found;
    }
    return undefined;
  }

  get size(): number {
    return this.catalog.size;
  }

  private override(name: string, atMs: number): ModelPrice | undefined {
    return this.overrides.get(name)?.find((p) => p.effectiveFromMs <= atMs);
  }

  /** The catalogue is one version (the newest refresh): it applies whenever no override does. */
  private fromCatalog(name: string): ModelPrice | undefined {
    const slash = name.lastIndexOf('/');
    return this.catalog.get(name) ?? this.lowerCatalog.get(name.toLowerCase()) ?? (slash > 0 ? this.lowerCatalog.get(name.slice(slash + 1).toLowerCase()) : undefined);
  }
}
