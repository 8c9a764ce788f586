import type { ConfigStore } from '@helix/config';
import { createPiiEngine, piiConfigIssues, type PiiEngine } from '@helix/pii';

/**
 * The compiled PII engine of the current config. The pii checks are added to
 * the store (a bad config fails at start and is refused on reload); a reload that
 * changes `pii` recompiles, and the swap is one reference assignment.
 */
export class PiiEngineHolder {
  private engine: PiiEngine;

  constructor(store: ConfigStore) {
    store.addCheck(piiConfigIssues);
    this.engine = createPiiEngine(store.current.pii);
    store.subscribe((next, prev) => {
      if (next.pii !== prev.pii) this.engine = createPiiEngine(next.pii);
    });
  }

  readonly current = (): PiiEngine => this.engine;
}
