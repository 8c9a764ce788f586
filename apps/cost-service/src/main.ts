import 'reflect-metadata';
import { startService } from '@helix/platform';
import { CostServiceModule } from './cost-service.module.js';

await startService({ service: 'cost-service', database: true, redis: true, module: (infra) => CostServiceModule.forRoot(infra) });
