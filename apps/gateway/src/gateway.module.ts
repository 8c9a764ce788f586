import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfra } from '@helix/platform';
import { AccessModule } from './access/access.module.js';
import { AdminModule } from './admin/admin.module.js';
import { BudgetsApiModule } from './budgets-api/budgets-api.module.js';
import { CacheApiModule } from './cache-api/cache-api.module.js';
import { ChatController } from './chat/chat.controller.js';
import { GatewayCostModule } from './cost/gateway-cost.module.js';
import { EmbeddingsController } from './embeddings/embeddings.controller.js';
import { EventsModule } from './events/events.module.js';
import { GatewayInfraModule } from './gateway-infra.module.js';
import { RequestRunner } from './http/request-runner.js';
import { IdentityModule } from './identity/identity.module.js';
import { MessagesController } from './messages/messages.controller.js';
import { ModelRoutes } from './models/model-routes.js';
import { ModelsController } from './models/models.controller.js';
import { PiiApiController } from './pii-api/pii-api.controller.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { pipelineProviders } from './pipeline/pipelines.provider.js';
import { RateLimitModule } from './ratelimit/rate-limit.module.js';
import { ResponsesController } from './responses/responses.controller.js';
import { RoutingModule } from './routing/routing.module.js';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';

/**
 * The gateway: the OpenAI-compatible API, the admin API, identity and rate
 * limits, and the request pipeline. Composed alone by main.ts (distributed) or
 * with the other services by the standalone app (embedded).
 */
@Module({})
export class GatewayModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    return {
      module: GatewayModule,
      imports: [GatewayInfraModule.forRoot(infra), IdentityModule, AccessModule, AdminModule, RateLimitModule, EventsModule, RoutingModule, GatewayCostModule, BudgetsApiModule, CacheApiModule, PrivacyModule],
      controllers: [ChatController, EmbeddingsController, ModelsController, PiiApiController, MessagesController, ResponsesController],
      providers: [
        RequestRunner,
        { provide: ModelRoutes, inject: [CONFIG_STORE], useFactory: (store: ConfigStore) => new ModelRoutes(store) },
        ...pipelineProviders,
      ],
    };
  }
}
