import { MigrationExecutor, type DataSource } from 'typeorm';
import { quoteSchema } from './schema-name.js';

/** Key of the transaction-level advisory lock every migration run holds ("HELIX" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x48454c4958;

/**
 * Applies the DataSource's pending migrations in one transaction that first takes
 * `pg_advisory_xact_lock(MIGRATION_LOCK_KEY)` and creates the schema: concurrent runs, from any number of
 * processes, apply each migration once, and a failed migration leaves nothing behind. Migrations therefore
 * must not set their own `transaction` mode (so no `CREATE INDEX CONCURRENTLY`).
 */
export async function applyPendingMigrations(ds: DataSource): Promise<string[]> {
  const schema = quoteSchema(String(ds.driver.schema));
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const executor = new MigrationExecutor(ds, runner);
    executor.transaction = 'all';
    const applied = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return applied.map((migration) => migration.name);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
