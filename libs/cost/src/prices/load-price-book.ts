import { statSync } from 'node:fs';
import type { CostConfig } from '@helix/config';
import { readCatalogFile, shippedCatalogPath } from './catalog-file.js';
import type { CatalogIssue } from './litellm-catalog.js';
import { PriceBook } from './price-book.js';
import { parseOverrides, type OverrideIssue } from './price-overrides.js';

/** A loaded price book and what was wrong with its sources. */
export interface LoadedPrices {
  book: PriceBook;
  /** Catalogue entries left unpriced because a price was bad. */
  catalogIssues: CatalogIssue[];
  /** Bad config overrides: the config is refused. */
  overrideIssues: OverrideIssue[];
  catalogVersion: string;
}

const cache = new Map<string, { stamp: string; catalog: ReturnType<typeof readCatalogFile> }>();

/**
 * The price book of a config: the catalogue (the shipped one, or `prices.catalogFile`)
 * plus the config's overrides. A catalogue is read again only when its file
 * changed (`prices:update`, then a config reload or SIGHUP), so reloads are cheap.
 */
export function loadPriceBook(cost: Pick<CostConfig, 'prices'>): LoadedPrices {
  const path = cost.prices.catalogFile ?? shippedCatalogPath();
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const hit = cache.get(path);
  const catalog = hit?.stamp === stamp ? hit.catalog : cache.set(path, { stamp, catalog: readCatalogFile(path) }).get(path)!.catalog;
  const { prices, issues } = parseOverrides(cost.prices.overrides);
  return {
    book: new PriceBook(catalog.prices, prices),
    catalogIssues: catalog.issues,
    overrideIssues: issues,
    catalogVersion: `litellm:${catalog.sha256.slice(0, 12)}`,
  };
}
