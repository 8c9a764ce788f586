import type { MigrationSet } from '@helix/persistence';
import { CreateAnalyticsTables1797200000000 } from './1797200000000-create-analytics-tables.js';

/** The `analytics` schema (SQL through `DataSource.query`; no entities): pass to `runMigrationSets` and `createDataSource`. */
export const analyticsMigrationSet: MigrationSet = {
  schema: 'analytics',
  migrations: [CreateAnalyticsTables1797200000000],
  entities: [],
};
