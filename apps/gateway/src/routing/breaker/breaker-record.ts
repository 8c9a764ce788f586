/**
 * A deployment's breaker as every replica shares it. Absent = closed. `open` until
 * `openUntil` (epoch ms); after that it is half-open: one probe may pass.
 */
export interface BreakerRecord {
  status: 'closed' | 'open';
  openUntil: number;
  /** How many times in a row it opened (the cool-down doubles each time). */
  opens: number;
  /** When this state began (epoch ms): an older record never replaces a newer one. */
  since: number;
}

/** The state of a deployment no replica has written about. */
export const CLOSED: BreakerRecord = Object.freeze({ status: 'closed', openUntil: 0, opens: 0, since: 0 });

/** The state shown in the circuit-state gauge. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export const stateOf = (r: BreakerRecord, now: number): BreakerState => (r.status === 'closed' ? 'closed' : now < r.openUntil ? 'open' : 'half-open');
