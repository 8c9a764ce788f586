import { Global, Module, type DynamicModule } from '@nestjs/common';
import { BUS, type Bus } from '../bus.port.js';

/** Provides the process's bus under the `BUS` token, everywhere. */
@Global()
@Module({})
export class BusModule {
  static forRoot(bus: Bus): DynamicModule {
    return { module: BusModule, global: true, providers: [{ provide: BUS, useValue: bus }], exports: [BUS] };
  }
}
