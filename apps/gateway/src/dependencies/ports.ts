import type { MessageInitShape } from '@bufbuild/protobuf';
import type {
  BudgetReserveReply,
  BudgetReserveRequestSchema,
  CacheLookupReply,
  CacheLookupRequestSchema,
  CacheStoreSchema,
  PiiRedactReply,
  PiiRedactRequestSchema,
} from '@helix/contracts';

/** Budget reservation with the cost-service (helix.cost.reserve.v1). */
export interface BudgetPort {
  reserve(req: MessageInitShape<typeof BudgetReserveRequestSchema>, timeoutMs: number, headers: Record<string, string>): Promise<BudgetReserveReply>;
}

/** Redaction with the pii-service (helix.pii.redact.v1). */
export interface PiiPort {
  redact(req: MessageInitShape<typeof PiiRedactRequestSchema>, timeoutMs: number, headers: Record<string, string>): Promise<PiiRedactReply>;
}

/** Lookup (helix.cache.lookup.v1) and fire-and-forget store (helix.cache.store.v1) with the cache-service. */
export interface CachePort {
  lookup(req: MessageInitShape<typeof CacheLookupRequestSchema>, timeoutMs: number, headers: Record<string, string>): Promise<CacheLookupReply>;
  store(msg: MessageInitShape<typeof CacheStoreSchema>, headers: Record<string, string>): void;
}

export const BUDGET_PORT = Symbol('BUDGET_PORT');
export const PII_PORT = Symbol('PII_PORT');
export const CACHE_PORT = Symbol('CACHE_PORT');
