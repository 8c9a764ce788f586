import type { MigrationSet } from '@helix/persistence';
import { CreateCostTables1796100000000 } from './1796100000000-create-cost-tables.js';

/** The `cost` schema (SQL through `DataSource.query`; no entities): pass to `runMigrationSets` and `createDataSource`. */
export const costMigrationSet: MigrationSet = {
  schema: 'cost',
  migrations: [CreateCostTables1796100000000],
  entities: [],
};
