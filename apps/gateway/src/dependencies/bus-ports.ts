import type { Bus } from '@helix/bus';
import { RpcSubjects, WorkSubjects } from '@helix/contracts';
import type { BudgetPort, CachePort, PiiPort } from './ports.js';

/** The ports' bus adapters: one request/reply call each, with the step's timeout. */
export const busBudgetPort = (bus: Bus): BudgetPort => ({
  reserve: (req, timeoutMs, headers) => bus.request(RpcSubjects.costReserve, req, { timeoutMs, headers }),
});

export const busPiiPort = (bus: Bus): PiiPort => ({
  redact: (req, timeoutMs, headers) => bus.request(RpcSubjects.piiRedact, req, { timeoutMs, headers }),
});

export const busCachePort = (bus: Bus): CachePort => ({
  lookup: (req, timeoutMs, headers) => bus.request(RpcSubjects.cacheLookup, req, { timeoutMs, headers }),
  store: (msg, headers) => bus.send(WorkSubjects.cacheStore, msg, { headers }),
});
