import type { BreakerRecord } from './breaker-record.js';

/** DI token of the {@link BreakerStore}. */
export const BREAKER_STORE = Symbol('BREAKER_STORE');

/**
 * Where breaker records are shared: Redis across replicas (`<prefix>cb:{deployment}` keys,
 * transitions published), or memory in embedded mode. Both pass one contract suite.
 * Only transitions and half-open probes touch it: never the common request path.
 */
export interface BreakerStore {
  /** The records of these deployments (absent = closed). */
  read(ids: readonly string[]): Promise<Map<string, BreakerRecord>>;
  /** Writes a transition and tells every watcher (this replica's too). */
  write(id: string, record: BreakerRecord): Promise<void>;
  /** Claims the one probe of a half-open breaker for `ttlMs`; false when another holds it. */
  claimProbe(id: string, ttlMs: number): Promise<boolean>;
  /** Calls `onChange` with each transition written by any replica. Resolves once listening. */
  watch(onChange: (id: string, record: BreakerRecord) => void): Promise<void>;
  close(): Promise<void>;
}
