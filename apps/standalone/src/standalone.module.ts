import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfra } from '@helix/platform';
import { AnalyticsServiceModule } from '../../analytics-service/src/analytics-service.module.js';
import { CacheServiceModule } from '../../cache-service/src/cache-service.module.js';
import { CostServiceModule } from '../../cost-service/src/cost-service.module.js';
import { GatewayModule } from '../../gateway/src/gateway.module.js';
import { PiiServiceModule } from '../../pii-service/src/pii-service.module.js';

/**
 * The embedded default: the five services' modules in one process, on one
 * in-process bus, one PGlite database and in-memory stores. No domain code
 * knows which bus runs.
 */
@Module({})
export class StandaloneModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        GatewayModule.forRoot(infra),
        PiiServiceModule.forRoot(infra),
        CacheServiceModule.forRoot(infra),
        CostServiceModule.forRoot(infra),
        AnalyticsServiceModule.forRoot(infra),
      ],
    };
  }
}
