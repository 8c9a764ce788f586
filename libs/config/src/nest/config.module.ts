import { Global, Module, type DynamicModule } from '@nestjs/common';
import { HelixConfig } from '../schema/helix.config.js';
import type { ConfigStore } from '../store/config.store.js';
import { CONFIG_STORE } from './config.constants.js';

/** Options of `ConfigModule.forRoot`. */
export interface ConfigModuleOptions {
  /** The store the app's `main.ts` opened (so a bad config exits before Nest boots). */
  store: ConfigStore;
}

/**
 * Global: provides `CONFIG_STORE` (subscribe for hot reload) and `HelixConfig`
 * (the config at boot, for what does not reload: ports, connections).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot({ store }: ConfigModuleOptions): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: CONFIG_STORE, useValue: store },
        { provide: HelixConfig, useValue: store.current },
      ],
      exports: [CONFIG_STORE, HelixConfig],
    };
  }
}
