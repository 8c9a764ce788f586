import { create } from '@bufbuild/protobuf';
import { cacheKeys } from '@helix/cache';
import { CacheStoreSchema, Errors, TenantSchema, uuidv7, type CacheStore } from '@helix/contracts';

/** One line of a warm-up JSONL: a question (or whole messages) and its answer. */
export interface WarmItem {
  model: string;
  prompt?: string;
  system?: string;
  messages?: { role: string; content: string }[];
  answer: string;
  namespace?: string;
  /** Sampling parameters the answer goes with (temperature, max_tokens ...); they are part of the key. */
  params?: Record<string, unknown>;
  ttl_seconds?: number;
}

const MAX_ITEMS = 10_000;

/** The items of a warm-up body: JSONL text, or JSON `{ items: [...] }`. */
export function parseWarmBody(body: unknown): WarmItem[] {
  const items =
    typeof body === 'string'
      ? body.split('\n').filter((l) => l.trim()).map((l, i) => parseLine(l, i + 1))
      : Array.isArray((body as { items?: unknown })?.items) ? ((body as { items: WarmItem[] }).items) : undefined;
  if (!items) throw Errors.badRequest('Send JSONL (text/plain or application/x-ndjson), or JSON { "items": [...] }.');
  if (items.length > MAX_ITEMS) throw Errors.badRequest(`At most ${MAX_ITEMS} items per call.`);
  items.forEach((it, i) => {
    if (!it || typeof it.model !== 'string' || typeof it.answer !== 'string' || (typeof it.prompt !== 'string' && !Array.isArray(it.messages))) {
      throw Errors.badRequest(`Item ${i + 1} needs model, answer, and prompt or messages.`);
    }
  });
  return items;
}

function parseLine(line: string, n: number): WarmItem {
  try {
    return JSON.parse(line) as WarmItem;
  } catch {
    throw Errors.badRequest(`Line ${n} is not JSON.`);
  }
}

/** A warm-up item as the cache store message a live request would have produced (keys computed the same way). */
export function warmEntry(item: WarmItem, tenant: { orgId: string; teamId: string; keyId: string }): CacheStore {
  const messages = item.messages ?? [...(item.system ? [{ role: 'system', content: item.system }] : []), { role: 'user', content: item.prompt! }];
  const namespace = item.namespace ?? '';
  const keys = cacheKeys({ scope: '', model: item.model, namespace, messages, params: item.params ?? {} });
  const created = Math.floor(Date.now() / 1000);
  const body = { id: `chatcmpl-${uuidv7()}`, object: 'chat.completion', created, model: item.model, choices: [{ index: 0, message: { role: 'assistant', content: item.answer }, finish_reason: 'stop' }] };
  return create(CacheStoreSchema, {
    requestId: uuidv7(),
    tenant: create(TenantSchema, tenant),
    model: item.model,
    servedModel: item.model,
    namespace,
    ...keys,
    body: Buffer.from(JSON.stringify(body)),
    ttlSeconds: item.ttl_seconds ?? 0,
  });
}
