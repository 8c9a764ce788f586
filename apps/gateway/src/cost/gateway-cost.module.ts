import { Module } from '@nestjs/common';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { LivePrices } from '@helix/cost';
import { LOGGER, type Logger } from '@helix/telemetry';
import { CostStep } from './cost.step.js';

/** The gateway's pricing: the live price book (hot-reloaded with the config) and the pipeline's `CostStep`. */
@Module({
  providers: [
    { provide: LivePrices, inject: [CONFIG_STORE, LOGGER], useFactory: (store: ConfigStore, log: Logger) => new LivePrices(store, log) },
    { provide: CostStep, inject: [LivePrices, CONFIG_STORE], useFactory: (prices: LivePrices, store: ConfigStore) => new CostStep(prices.current, () => store.current.cost) },
  ],
  exports: [CostStep, LivePrices],
})
export class GatewayCostModule {}
