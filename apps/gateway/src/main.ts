import 'reflect-metadata';
import { startService } from '@helix/platform';
import { GatewayModule } from './gateway.module.js';

await startService({ service: 'gateway', database: true, redis: true, module: (infra) => GatewayModule.forRoot(infra) });
