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

const cache = new Map<string, ReturnType<typeof readCatalogFile>>();

/**
 * The price book of a config: the catalogue (the shipped one, or `prices.catalogFile`)
 * read once per file and process, plus the config's overrides.
 */
export function loadPriceBook(cost: Pick<CostConfig, 'prices'>): LoadedPrices {
  const path = cost.prices.catalogFile ?? shippedCatalogPath();
  const catalog = cache.get(path) ?? cache.set(path, readCatalogFile(path)).get(path)!;
  const { prices, issues } = parseOverrides(cost.prices.overrides);
  return {
    book: new PriceBook(catalog.prices, prices),
    catalogIssues: catalog.issues,
    overrideIssues: issues,
    catalogVersion: `litellm:${catalog.sha256.slice(0, 12)}`,
  };
}
