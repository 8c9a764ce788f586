import { createHash } from 'node:crypto';
import type { CacheStepConfig } from '@helix/config';
import { cacheKeys, uncacheableReason } from '@helix/cache';
import { CacheStatus, RequestOutcome, uuidv7 } from '@helix/contracts';
import type { ChatCompletion, ChatCompletionChunk, ChatMessage } from '@helix/providers';
import { metrics } from '@helix/telemetry';
import { mapChunks, type Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { assembleCompletion, completionChunks } from './assemble.js';
import type { CachePort } from './ports.js';
import { busHeaders, tenantOf } from './tenant.js';

const STATUS_HEADER: Record<number, string> = {
  [CacheStatus.MISS]: 'miss',
  [CacheStatus.HIT_EXACT]: 'hit-exact',
  [CacheStatus.HIT_SEMANTIC]: 'hit-semantic',
  [CacheStatus.BYPASS]: 'bypass',
};

const bypassCounter = metrics.counter('helix_cache_bypass_total', 'Requests that skipped the cache, by reason.', ['reason']);
const bypasses = () => bypassCounter;

/**
 * Looks up the redacted request in the cache-service (it runs after the PII
 * step) and answers a hit without calling the provider. A miss's answer, as
 * the provider gave it (redacted, before restore), is stored after the response,
 * fire-and-forget. Any cache error bypasses the cache (fail open).
 */
export class CacheStep implements Step {
  readonly name = 'cache';

  constructor(
    private readonly port: CachePort,
    private readonly config: () => CacheStepConfig,
  ) {}

  async before(state: RequestState): Promise<Answer | void> {
    const cfg = this.config();
    if (!cfg.enabled) return;
    const directive = directives(state);
    const single = (state.body.n ?? 1) === 1;
    state.cache.store = !directive.noStore && single;
    if (!single) return this.bypass(state, 'n_gt_1');
    const keys = cacheKeys({ scope: '', model: state.model, namespace: directive.namespace, messages: state.body.messages.map(forKey), params: state.body });
    Object.assign(state.cache, keys, { namespace: directive.namespace, ttlSeconds: directive.ttlSeconds });
    if (directive.noLookup) return this.bypass(state, directive.noStore ? 'no_store' : 'no_cache');
    let reply;
    try {
      reply = await this.port.lookup(
        { requestId: state.eventId, tenant: tenantOf(state), model: state.model, namespace: directive.namespace, ...keys, semantic: true, minSimilarity: directive.minSimilarity },
        cfg.timeoutMs,
        busHeaders(state),
      );
    } catch {
      return this.bypass(state, 'error');
    }
    state.cache.status = reply.status;
    state.cache.similarity = reply.similarity;
    state.cache.verdict = reply.verdict;
    this.header(state);
    if (reply.status !== CacheStatus.HIT_EXACT && reply.status !== CacheStatus.HIT_SEMANTIC) return;
    return this.hit(state, JSON.parse(Buffer.from(reply.body).toString('utf8')) as ChatCompletion, reply.servedModel, reply.usage);
  }

  transform(answer: Answer, state: RequestState): Answer {
    if (!storable(state) || answer.kind === 'json') return answer;
    const seen: ChatCompletionChunk[] = [];
    return mapChunks(answer, async function* (chunks) {
      for await (const c of chunks) {
        seen.push(structuredClone(c));
        yield c;
      }
      state.upstreamBody = assembleCompletion(seen) as unknown as Record<string, unknown>;
    });
  }

  after(state: RequestState): void {
    const c = state.cache;
    if (!storable(state) || state.outcome !== RequestOutcome.SUCCESS || !state.upstreamBody || !c.exactKey) return;
    if ((state.stream && !state.streamComplete) || uncacheableReason(state.upstreamBody)) return;
    const u = state.usage;
    this.port.store(
      {
        requestId: state.eventId,
        tenant: tenantOf(state),
        model: state.model,
        servedModel: state.servedModel,
        namespace: c.namespace,
        exactKey: c.exactKey,
        partitionKey: c.partitionKey,
        queryText: c.queryText,
        body: Buffer.from(JSON.stringify(state.upstreamBody)),
        usage: u ? { ...u } : undefined,
        ttlSeconds: c.ttlSeconds,
        fallback: state.deployment !== state.route?.deployments[0],
      },
      busHeaders(state),
    );
  }

  private hit(state: RequestState, cached: ChatCompletion, servedModel: string, usage: RequestState['usage'] | undefined): Answer {
    const body: ChatCompletion = { ...cached, id: `chatcmpl-${uuidv7()}`, created: Math.floor(Date.now() / 1000) };
    if (!body.usage && usage) body.usage = { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
    state.servedModel = servedModel || body.model;
    if (usage) state.usage = { ...usage };
    state.upstreamBody = body as unknown as Record<string, unknown>;
    if (!state.stream) return { kind: 'json', status: 200, body: body as unknown as Record<string, unknown> };
    state.streamComplete = true;
    const chunks = completionChunks(body, state.body.stream_options?.include_usage === true);
    return { kind: 'stream', status: 200, chunks: (async function* () { yield* chunks; })() };
  }

  private bypass(state: RequestState, reason: string): void {
    state.cache.status = CacheStatus.BYPASS;
    bypasses().inc({ reason });
    this.header(state);
  }

  private header(state: RequestState): void {
    const c = state.cache;
    state.responseHeaders['x-helix-cache'] = STATUS_HEADER[c.status] ?? 'bypass';
    if (c.similarity > 0 && c.status !== CacheStatus.HIT_EXACT) state.responseHeaders['x-helix-cache-similarity'] = c.similarity.toFixed(4);
    if (c.verdict) state.responseHeaders['x-helix-cache-verdict'] = c.verdict;
  }
}

/** A miss, or a lookup skipped for a reason that still allows storing (no-cache, refresh, an unreachable cache). */
function storable(state: RequestState): boolean {
  const c = state.cache;
  return c.store && (c.status === CacheStatus.MISS || c.status === CacheStatus.BYPASS);
}

/** Text stays; images and audio become a hash of their content, so the key still tells them apart. */
function forKey(m: ChatMessage) {
  if (!Array.isArray(m.content)) return m;
  return {
    ...m,
    content: m.content.map((p) => (p.type === 'text' ? p : { type: p.type, sha256: createHash('sha256').update(JSON.stringify(p)).digest('hex') })),
  };
}

interface Directives {
  noLookup: boolean;
  noStore: boolean;
  namespace: string;
  ttlSeconds: number;
  minSimilarity: number;
}

/**
 * `x-helix-cache: no-cache | refresh` (skip the lookup, store the answer), `no-store` (neither),
 * `Cache-Control: no-cache | no-store` likewise, `x-helix-cache-ttl`, `x-helix-cache-namespace`
 * (narrows the partition inside the tenant), `x-helix-semantic-threshold` (only ever stricter: the
 * cache-service takes the larger of it and the configured threshold).
 */
function directives(state: RequestState): Directives {
  const mode = state.header('x-helix-cache')?.toLowerCase() ?? '';
  const cc = state.header('cache-control')?.toLowerCase() ?? '';
  const ttl = Number(state.header('x-helix-cache-ttl'));
  const threshold = Number(state.header('x-helix-semantic-threshold'));
  return {
    noLookup: mode === 'no-cache' || mode === 'refresh' || mode === 'no-store' || /\bno-cache\b/.test(cc) || /\bno-store\b/.test(cc),
    noStore: mode === 'no-store' || /\bno-store\b/.test(cc),
    namespace: (state.header('x-helix-cache-namespace') ?? '').slice(0, 128),
    ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? Math.floor(ttl) : 0,
    minSimilarity: Number.isFinite(threshold) && threshold > 0 && threshold <= 1 ? threshold : 0,
  };
}
