import 'reflect-metadata';
import { startService } from '@helix/platform';
import { CacheServiceModule } from './cache-service.module.js';

await startService({ service: 'cache-service', database: false, redis: true, module: (infra) => CacheServiceModule.forRoot(infra) });
