import { Injectable } from '@nestjs/common';

/** The answer of one dependency check. */
export interface HealthCheckResult {
  ok: boolean;
  /** Why it failed (or a short note when ok). No secrets: readiness is served without auth. */
  detail?: string;
}

/** Asks one dependency (NATS, Redis, Postgres, ...) whether it can serve. */
export type HealthCheck = () => Promise<HealthCheckResult>;

/** `GET /health/ready`'s body: 200 when every check is ok, else 503. */
export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, HealthCheckResult>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

/**
 * Named readiness checks of this process. Each dependency registers its own; `ready()`
 * runs them all in parallel, each bounded by its timeout, and reports every one.
 */
@Injectable()
export class HealthRegistry {
  readonly #checks = new Map<string, { check: HealthCheck; timeoutMs: number }>();

  /** Adds a check; a name used twice is a wiring bug and throws. Returns the function that removes it. */
  register(name: string, check: HealthCheck, options: { timeoutMs?: number } = {}): () => void {
    if (this.#checks.has(name)) throw new Error(`health check "${name}" is already registered`);
    this.#checks.set(name, { check, timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS });
    return () => this.#checks.delete(name);
  }

  /** Liveness: answering at all shows the event loop turns; no dependency is asked. */
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  async ready(): Promise<ReadinessReport> {
    const entries = [...this.#checks].map(async ([name, { check, timeoutMs }]) => [name, await run(check, timeoutMs)] as const);
    const checks = Object.fromEntries(await Promise.all(entries));
    const ok = Object.values(checks).every((c) => c.ok);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}

async function run(check: HealthCheck, timeoutMs: number): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `timed out after ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
