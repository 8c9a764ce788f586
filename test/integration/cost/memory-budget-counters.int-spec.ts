import { MemoryBudgetCounters } from '@helix/cost';
import { budgetCountersContract } from './budget-counters.contract.js';

budgetCountersContract('memory', async () => {
  const shared = new MemoryBudgetCounters();
  return { counters: () => shared, cleanup: async () => undefined };
});
