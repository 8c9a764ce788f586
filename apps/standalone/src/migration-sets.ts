import { analyticsMigrationSet } from '@helix/analytics';
import { costMigrationSet } from '@helix/cost';
import type { MigrationSet } from '@helix/persistence';
import { gatewayMigrationSet } from '../../gateway/src/identity/db/gateway.migration-set.js';

/** Every service's migrations, in dependency order. */
export const migrationSets: MigrationSet[] = [gatewayMigrationSet, costMigrationSet, analyticsMigrationSet];
