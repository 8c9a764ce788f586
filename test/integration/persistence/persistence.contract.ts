import { afterEach, beforeEach, describe } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, type DatabaseOptions, type MigrationSet } from '@helix/persistence';
import { probeSet } from './fixtures/migration-sets.js';
import { upCalls } from './fixtures/up-calls.js';
import { migrationsContract } from './contract/migrations.contract.js';
import { sqlFeaturesContract } from './contract/sql-features.contract.js';
import { concurrencyContract } from './contract/concurrency.contract.js';

/** An empty database for one test. */
export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** A Postgres the contract runs against: the machine's server, or EmbeddedPostgres. */
export interface ContractBackend {
  /** True when all connections share one session (PGlite): session advisory locks then exclude no one. */
  sharedSession: boolean;
  freshDatabase(): Promise<TestDatabase>;
}

/** What each part of the contract gets: the backend and the current test's database. */
export interface ContractContext {
  backend: ContractBackend;
  db(overrides?: Partial<DatabaseOptions>): DatabaseOptions;
  /** A migrated DataSource on the test's database, destroyed after the test. */
  connect(set?: MigrationSet, overrides?: Partial<DatabaseOptions>): Promise<DataSource>;
}

/**
 * What Helix needs from Postgres, proved the same way on both backends: migrations per schema, jsonb,
 * native partitions, idempotent inserts, transactions, advisory locks, and concurrent DataSources.
 * Every test runs on a database of its own.
 */
export function persistenceContract(backend: ContractBackend): void {
  let database: TestDatabase;
  const open: DataSource[] = [];
  const ctx: ContractContext = {
    backend,
    db: (overrides = {}) => ({ url: database.url, ...overrides }),
    async connect(set = probeSet, overrides = {}) {
      const ds = await createDataSource(ctx.db(overrides), set, { runMigrations: true });
      open.push(ds);
      return ds;
    },
  };

  beforeEach(async () => {
    database = await backend.freshDatabase();
    upCalls.clear();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((ds) => (ds.isInitialized ? ds.destroy() : undefined)));
    await database.dispose();
  });

  describe('migrations', () => migrationsContract(ctx));
  describe('SQL features', () => sqlFeaturesContract(ctx));
  describe('concurrency', () => concurrencyContract(ctx));
}
