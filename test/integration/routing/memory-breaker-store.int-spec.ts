import { MemoryBreakerStore } from '../../../apps/gateway/src/routing/breaker/memory.breaker-store.js';
import { breakerStoreContract } from './breaker-store.contract.js';

breakerStoreContract('memory', async () => {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const shared = new MemoryBreakerStore({ now: () => now });
  return {
    store: () => shared,
    advance: async (ms) => {
      now += ms;
    },
    cleanup: async () => undefined,
  };
});
