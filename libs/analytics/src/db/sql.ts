import type { DataSource } from 'typeorm';

/** What the analytics stores need of a database: TypeORM's `DataSource` (or an `EntityManager`) fits. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** A database that can also run a function inside one transaction. */
export interface SqlDatabase extends SqlRunner {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** The rows of `UPDATE`/`DELETE ... RETURNING`, which TypeORM wraps as `[rows, count]`. */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** Affected row count of an `UPDATE`/`DELETE` without `RETURNING` through TypeORM (`[rows, count]`), or 0. */
export function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** A TypeORM data source as the analytics use cases take it. */
export const sqlDatabase = (ds: DataSource): SqlDatabase => ({
  query: (sql, params) => ds.query(sql, params),
  transaction: (fn) => ds.transaction((em) => fn(em)),
});
