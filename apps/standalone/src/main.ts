import 'reflect-metadata';
import { runMigrationSets } from '@helix/persistence';
import { startService } from '@helix/platform';
import { migrationSets } from './migration-sets.js';
import { StandaloneModule } from './standalone.module.js';

await startService({
  service: 'standalone',
  database: true,
  redis: true,
  beforeStart: async (infra) => {
    await runMigrationSets(infra.db!, migrationSets, (msg) => infra.log.info(msg));
  },
  module: (infra) => StandaloneModule.forRoot(infra),
});
