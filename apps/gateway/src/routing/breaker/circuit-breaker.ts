import type { CircuitBreakerConfig } from '@helix/config';
import { CLOSED, stateOf, type BreakerRecord } from './breaker-record.js';

/** What the breaker lets an attempt do: pass, stay out, or pass as the half-open probe (after claiming it). */
export type Admission = 'pass' | 'blocked' | 'probe';

/**
 * One deployment's circuit breaker as one replica sees it: the shared record (open/closed,
 * from the store) and this replica's run of failures. Pure: `failure`/`success` return the
 * new shared record when they cause a transition (the caller writes it to the store).
 * Records carry the time they began, so a stale read never undoes a newer transition.
 *
 * closed --N failures in a row--> open --cooldown over--> half-open (one probe)
 * half-open --probe ok--> closed;  half-open --probe fails--> open (cool-down doubled, capped)
 */
export class CircuitBreaker {
  record: BreakerRecord = CLOSED;
  private failures = 0;

  admit(now: number): Admission {
    const state = stateOf(this.record, now);
    return state === 'closed' ? 'pass' : state === 'open' ? 'blocked' : 'probe';
  }

  failure(now: number, probe: boolean, cfg: CircuitBreakerConfig): BreakerRecord | undefined {
    if (probe) return this.open(now, this.record.opens + 1, cfg);
    if (this.record.status === 'open') return undefined;
    this.failures += 1;
    return this.failures >= cfg.failures ? this.open(now, 1, cfg) : undefined;
  }

  success(now: number, probe: boolean): BreakerRecord | undefined {
    this.failures = 0;
    if (!probe || this.record.status === 'closed') return undefined;
    this.record = { ...CLOSED, since: now };
    return this.record;
  }

  /** Adopts a record another replica (or this one, echoed) wrote, unless it is older than what this one knows. */
  adopt(record: BreakerRecord): void {
    if (record.since < this.record.since) return;
    if (record.status === 'closed' && this.record.status === 'open') this.failures = 0;
    this.record = record;
  }

  private open(now: number, opens: number, cfg: CircuitBreakerConfig): BreakerRecord {
    const cooldown = Math.min(cfg.maxCooldownMs, cfg.cooldownMs * 2 ** (opens - 1));
    this.failures = 0;
    this.record = { status: 'open', openUntil: now + cooldown, opens, since: now };
    return this.record;
  }
}
