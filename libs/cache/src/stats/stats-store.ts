/** Counters of one tenant scope and model, from completed requests. */
export interface StatsCounters {
  hitsExact: number;
  hitsSemantic: number;
  misses: number;
  bypasses: number;
  tokensSaved: number;
  /** Pico-USD, as decimal string arithmetic is not needed below 2^53 (9 kUSD); kept as a number. */
  savedPicoUsd: number;
}

export interface StatsDelta extends Partial<StatsCounters> {
  scope: string;
  model: string;
  /** The completed event's id: a redelivered event is counted once. */
  eventId: string;
}

export const FIELDS = ['hitsExact', 'hitsSemantic', 'misses', 'bypasses', 'tokensSaved', 'savedPicoUsd'] as const;

export const zeroCounters = (): StatsCounters => ({ hitsExact: 0, hitsSemantic: 0, misses: 0, bypasses: 0, tokensSaved: 0, savedPicoUsd: 0 });

/** Hit, miss and savings counters per scope and model (Redis, or memory in embedded mode). */
export interface StatsStore {
  /** Adds the deltas of events not counted before. */
  add(deltas: readonly StatsDelta[]): Promise<void>;
  /** Counters per model of one scope. */
  read(scope: string): Promise<Map<string, StatsCounters>>;
  /** Forgets a scope's counters (invalidate all). */
  reset(scope: string): Promise<void>;
}
