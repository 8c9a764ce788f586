import 'reflect-metadata';
import { startServiceTracing } from '@helix/telemetry';

await startServiceTracing('standalone');
const { runMigrationSets } = await import('@helix/persistence');
const { startService } = await import('@helix/platform');
const { migrationSets } = await import('./migration-sets.js');
const { StandaloneModule } = await import('./standalone.module.js');
const { MESSAGES_ERROR_BODY } = await import('../../gateway/src/messages/anthropic-error.js');

await startService({
  service: 'standalone',
  database: true,
  redis: true,
  errorBodies: [MESSAGES_ERROR_BODY],
  beforeStart: async (infra) => {
    await runMigrationSets(infra.db!, migrationSets, (msg) => infra.log.info(msg));
  },
  module: (infra) => StandaloneModule.forRoot(infra),
});
