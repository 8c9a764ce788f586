import type { CircuitBreakerConfig } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import type { Clock } from '../../identity/clock.js';
import { routingMetrics } from '../routing.metrics.js';
import { CLOSED, stateOf, type BreakerRecord, type BreakerState } from './breaker-record.js';
import type { BreakerStore } from './breaker-store.js';
import { CircuitBreaker, type Admission } from './circuit-breaker.js';

/**
 * Every deployment's breaker in this replica. The request path reads only the local copy
 * (`admit`, O(1), no I/O); transitions are written to the store and reach the other
 * replicas by its watch, and a periodic read repairs anything a lost message missed. A store
 * error never fails a request: the replica goes on with its local view.
 */
export class BreakerBoard {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: BreakerStore,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly refreshMs = 2_000,
  ) {}

  async start(): Promise<void> {
    await this.store.watch((id, record) => this.adopt(id, record));
    this.timer = setInterval(() => void this.refresh(), this.refreshMs).unref();
  }

  admit(id: string): Admission {
    const admission = this.get(id).admit(this.clock.now());
    if (admission === 'probe') routingMetrics.circuitState(id, 'half-open');
    return admission;
  }

  /** Claims the half-open probe across replicas; when the store is away, this replica probes on its own. */
  async claimProbe(id: string, ttlMs: number): Promise<boolean> {
    try {
      return await this.store.claimProbe(id, ttlMs);
    } catch (err) {
      this.log.warn({ err, deployment: id }, 'circuit breaker store unavailable: probing locally');
      return true;
    }
  }

  success(id: string, probe: boolean): void {
    const transition = this.get(id).success(this.clock.now(), probe);
    if (transition) this.persist(id, transition);
  }

  failure(id: string, probe: boolean, cfg: CircuitBreakerConfig): void {
    const transition = this.get(id).failure(this.clock.now(), probe, cfg);
    if (transition) this.persist(id, transition);
  }

  state(id: string): BreakerState {
    return stateOf(this.breakers.get(id)?.record ?? CLOSED, this.clock.now());
  }

  /** Reads the shared records of every deployment this replica has seen. */
  async refresh(): Promise<void> {
    const ids = [...this.breakers.keys()];
    try {
      const records = await this.store.read(ids);
      for (const id of ids) this.adopt(id, records.get(id) ?? CLOSED);
    } catch (err) {
      this.log.warn({ err }, 'circuit breaker store unavailable: keeping the local view');
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.store.close();
  }

  private get(id: string): CircuitBreaker {
    let b = this.breakers.get(id);
    if (!b) {
      b = new CircuitBreaker();
      this.breakers.set(id, b);
      routingMetrics.circuitState(id, 'closed');
    }
    return b;
  }

  private adopt(id: string, record: BreakerRecord): void {
    this.get(id).adopt(record);
    routingMetrics.circuitState(id, stateOf(record, this.clock.now()));
  }

  private persist(id: string, record: BreakerRecord): void {
    routingMetrics.circuitState(id, stateOf(record, this.clock.now()));
    routingMetrics.transition(id, record.status);
    this.log.info({ deployment: id, status: record.status, openUntil: record.openUntil, opens: record.opens }, 'circuit breaker transition');
    this.store.write(id, record).catch((err: unknown) => this.log.warn({ err, deployment: id }, 'circuit breaker store unavailable: transition kept locally'));
  }
}
