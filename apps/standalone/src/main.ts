import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('standalone');
const { runMigrationSets } = await import('@helix/persistence');
const { startService } = await import('@helix/platform');
const { migrationSets } = await import('./migration-sets.js');
const { StandaloneModule } = await import('./standalone.module.js');

await startService({
  service: 'standalone',
  database: true,
  redis: true,
  beforeStart: async (infra) => {
    await runMigrationSets(infra.db!, migrationSets, (msg) => infra.log.info(msg));
  },
  module: (infra) => StandaloneModule.forRoot(infra),
});
