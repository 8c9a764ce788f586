import 'reflect-metadata';
import { startService } from '@helix/platform';
import { PiiServiceModule } from './pii-service.module.js';

await startService({ service: 'pii-service', database: false, redis: false, module: (infra) => PiiServiceModule.forRoot(infra) });
