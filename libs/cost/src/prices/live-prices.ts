import type { ConfigIssue, ConfigStore, HelixConfig } from '@helix/config';
import { loadPriceBook } from './load-price-book.js';
import type { PriceBook } from './price-book.js';
import { parseOverrides } from './price-overrides.js';
import type { Logger } from '@helix/telemetry';

/**
 * The price book of the live config: built at start (a bad override stops the
 * process), rebuilt on every reload (a bad override refuses the reload).
 */
export class LivePrices {
  private book: PriceBook;

  constructor(store: ConfigStore, log: Logger) {
    store.addCheck(priceIssues);
    const loaded = loadPriceBook(store.current.cost);
    if (loaded.overrideIssues.length) throw new Error(`bad price overrides: ${loaded.overrideIssues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    if (loaded.catalogIssues.length) log.warn({ count: loaded.catalogIssues.length, first: loaded.catalogIssues.slice(0, 5) }, 'catalogue entries with bad prices are unpriced');
    log.info({ models: loaded.book.size, catalog: loaded.catalogVersion, overrides: store.current.cost.prices.overrides.length }, 'prices loaded');
    this.book = loaded.book;
    store.subscribe((next) => {
      this.book = loadPriceBook(next.cost).book;
    });
  }

  readonly current = (): PriceBook => this.book;
}

/** A config check: every override is a whole number of pico-USD per token, with a readable date. */
export function priceIssues(config: HelixConfig): ConfigIssue[] {
  return parseOverrides(config.cost.prices.overrides).issues;
}
