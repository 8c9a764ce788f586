import type { DatabaseOptions, MigrationSet } from './database-options.js';
import { applyPendingMigrations } from './apply-migrations.js';
import { createDataSource } from './data-source.factory.js';

/** What one set's run applied. */
export interface MigrationSetResult {
  schema: string;
  /** Names of the migrations applied by this run, in order; empty when the schema was up to date. */
  applied: string[];
}

/** Runs the pending migrations of every set, in order, each in its own schema; idempotent. */
export async function runMigrationSets(
  db: DatabaseOptions,
  sets: MigrationSet[],
  log: (msg: string) => void = () => undefined,
): Promise<MigrationSetResult[]> {
  const results: MigrationSetResult[] = [];
  for (const set of sets) {
    const ds = await createDataSource(db, set);
    try {
      const applied = await applyPendingMigrations(ds);
      log(applied.length ? `${set.schema}: applied ${applied.join(', ')}` : `${set.schema}: up to date`);
      results.push({ schema: set.schema, applied });
    } finally {
      await ds.destroy();
    }
  }
  return results;
}
