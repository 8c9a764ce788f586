import { InProcessBus } from './in-process.bus.js';
import type { InProcessBusOptions } from './in-process.options.js';

/** The in-process bus of the standalone mode; with `journalDir`, its event stream survives a crash. */
export function createInProcessBus(opts: InProcessBusOptions = {}): InProcessBus {
  return new InProcessBus(opts);
}
