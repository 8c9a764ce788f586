import { MemoryCacheStore } from '@helix/cache';
import { storeContract } from './store.contract.js';

storeContract('memory', async () => {
  const clock = { now: Date.now() };
  const shared = new MemoryCacheStore(() => clock.now);
  return { clock, store: () => shared, cleanup: async () => {} };
});
