import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfra } from '@helix/platform';

/** The analytics-service: its bus handlers and HTTP routes. Composed alone by main.ts, or with the others by the standalone app. */
@Module({})
export class AnalyticsServiceModule {
  static forRoot(_infra: ServiceInfra): DynamicModule {
    return { module: AnalyticsServiceModule };
  }
}
