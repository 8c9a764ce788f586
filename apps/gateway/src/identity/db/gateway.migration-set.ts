import type { MigrationSet } from '@helix/persistence';
import { CreateIdentityTables1795852000000 } from './1795852000000-create-identity-tables.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { OrgEntity } from './org.entity.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity } from './user.entity.js';

/** The `gateway` schema: pass to `runMigrationSets` and `createDataSource`. */
export const gatewayMigrationSet: MigrationSet = {
  schema: 'gateway',
  migrations: [CreateIdentityTables1795852000000],
  entities: [OrgEntity, TeamEntity, UserEntity, ApiKeyEntity, AuditEntryEntity],
};
