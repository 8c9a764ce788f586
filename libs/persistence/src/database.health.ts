import type { DataSource } from 'typeorm';

/** Outcome of one readiness probe. */
export interface HealthResult {
  ok: boolean;
  /** "SELECT 1 in 3 ms", or why the database is not ready. */
  detail: string;
}

/** A readiness check: `SELECT 1` through `ds`, failed when it errors or takes longer than `timeoutMs`. */
export function databaseHealth(ds: DataSource, timeoutMs = 2_000): () => Promise<HealthResult> {
  return async () => {
    if (!ds.isInitialized) return { ok: false, detail: 'not initialized' };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to SELECT 1 within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([ds.query('SELECT 1'), timeout]);
      return { ok: true, detail: `SELECT 1 in ${Date.now() - started} ms` };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };
}
