import type { Clock } from '../identity/clock.js';

/** Weight of the newest sample in the latency moving average. */
const EWMA_ALPHA = 0.3;
const MINUTE_MS = 60_000;

interface Stats {
  inFlight: number;
  /** Moving average of the time to first byte, ms; undefined until the first sample. */
  latencyMs?: number;
  minute: number;
  requests: number;
  tokens: number;
}

/** A deployment's load, capacity and speed, as the strategies read them. */
export interface DeploymentLoad {
  inFlight: number;
  latencyMs?: number;
}

/**
 * What this replica knows of each deployment (keyed by configured id, so bounded): requests
 * in flight (least busy), an EWMA of time to first byte (lowest latency), and the requests
 * and tokens of the current minute (RPM/TPM capacity). O(1) per call, in memory.
 */
export class DeploymentStats {
  private readonly stats = new Map<string, Stats>();

  constructor(private readonly clock: Clock) {}

  /** An attempt starts; the returned function ends it (idempotent). */
  begin(id: string, tokens: number): () => void {
    const s = this.current(id);
    s.inFlight += 1;
    s.requests += 1;
    s.tokens += tokens;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      s.inFlight -= 1;
    };
  }

  /** Tokens learned after the fact (the completion), counted against this minute's TPM. */
  addTokens(id: string, tokens: number): void {
    this.current(id).tokens += tokens;
  }

  observeLatency(id: string, ms: number): void {
    const s = this.current(id);
    s.latencyMs = s.latencyMs === undefined ? ms : EWMA_ALPHA * ms + (1 - EWMA_ALPHA) * s.latencyMs;
  }

  load(id: string): DeploymentLoad {
    const s = this.stats.get(id);
    return { inFlight: s?.inFlight ?? 0, latencyMs: s?.latencyMs };
  }

  /** The deployment reached its RPM or TPM this minute (on this replica). */
  full(id: string, limits: { rpm?: number; tpm?: number }): boolean {
    if (!limits.rpm && !limits.tpm) return false;
    const s = this.current(id);
    return (!!limits.rpm && s.requests >= limits.rpm) || (!!limits.tpm && s.tokens >= limits.tpm);
  }

  private current(id: string): Stats {
    const minute = Math.floor(this.clock.now() / MINUTE_MS);
    let s = this.stats.get(id);
    if (!s) {
      s = { inFlight: 0, minute, requests: 0, tokens: 0 };
      this.stats.set(id, s);
    } else if (s.minute !== minute) {
      s.minute = minute;
      s.requests = 0;
      s.tokens = 0;
    }
    return s;
  }
}
