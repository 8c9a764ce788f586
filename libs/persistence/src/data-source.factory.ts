import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { DatabaseOptions, MigrationSet } from './database-options.js';
import { isEmbeddedUrl } from './embedded-url.js';
import { applyPendingMigrations } from './apply-migrations.js';
import { quoteSchema } from './schema-name.js';

const defaultPoolSize = 10;

/** TypeORM options for one service: its schema is the default schema and holds its `migrations` table. */
export function dataSourceOptions(db: DatabaseOptions, set: MigrationSet): PostgresDataSourceOptions {
  quoteSchema(set.schema);
  const embedded = isEmbeddedUrl(db.url);
  return {
    type: 'postgres',
    url: db.url,
    schema: set.schema,
    entities: set.entities,
    migrations: set.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    installExtensions: false,
    poolSize: embedded ? 1 : (db.poolSize ?? defaultPoolSize),
    ssl: embedded ? false : db.ssl,
    applicationName: db.applicationName,
    logging: db.logging ?? false,
  };
}

/** Creates and initializes a DataSource whose default schema is `set.schema`; optionally migrates it first. */
export async function createDataSource(
  db: DatabaseOptions,
  set: MigrationSet,
  opts: { runMigrations?: boolean } = {},
): Promise<DataSource> {
  const ds = await new DataSource(dataSourceOptions(db, set)).initialize();
  try {
    if (opts.runMigrations) await applyPendingMigrations(ds);
    return ds;
  } catch (error) {
    await ds.destroy();
    throw error;
  }
}
