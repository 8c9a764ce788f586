import type { MessageInitShape } from '@bufbuild/protobuf';
import { CacheStatus, type CacheLookupReplySchema, type CacheLookupRequest } from '@helix/contracts';
import type { CacheEntry, EntryRef } from '../entry/cache-entry.js';
import { effectiveThreshold, semanticFor } from '../policy/semantic-policy.js';
import { scopeOf, semanticPartition } from '../scope/tenant-scope.js';
import { verifyHit } from '../verify/hit-verifier.js';
import { quantize } from '../vector/quantize.js';
import type { CacheDeps } from './cache-deps.js';

type Reply = MessageInitShape<typeof CacheLookupReplySchema>;

/**
 * helix.cache.lookup.v1: the exact entry of the request's scope, else (when a
 * rule allows it for the team and model) the nearest entries of its semantic
 * partition above the threshold, each checked by the hit verifier. Never
 * reads outside the scope the tenant maps to.
 */
export class LookupUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(req: CacheLookupRequest): Promise<Reply> {
    if (!req.tenant || !req.exactKey) return { status: CacheStatus.MISS };
    const end = this.d.metrics.lookupSeconds.startTimer();
    const cfg = this.d.config();
    const scope = scopeOf(req.tenant, cfg.scope);
    const ref = { scope: scope.id, key: req.exactKey };
    const exact = await this.d.store.get(ref);
    if (exact) {
      end({ kind: 'exact' });
      return this.hit(ref, exact, CacheStatus.HIT_EXACT, 1, '');
    }
    const sem = semanticFor(cfg.semantic, req.model, req.tenant.teamId);
    if (!req.semantic || !sem.enabled || !req.queryText || !this.d.index.ready()) {
      end({ kind: 'exact' });
      return this.miss(0, '');
    }
    const reply = await this.semantic(req, scope.id, effectiveThreshold(sem.threshold, req.minSimilarity));
    end({ kind: 'semantic' });
    return reply;
  }

  private async semantic(req: CacheLookupRequest, scope: string, threshold: number): Promise<Reply> {
    const cfg = this.d.config().semantic;
    const [vector] = await this.d.embedder.embed([req.queryText]);
    const partition = semanticPartition(scope, req.partitionKey, this.d.embedder.id);
    const found = await this.d.index.search(partition, quantize(vector!), cfg.candidates, 0);
    if (!found.length) return this.miss(0, '');
    this.d.metrics.similarity.observe(found[0]!.score);
    const candidates = found.filter((h) => h.score >= threshold);
    const entries = await this.d.store.getMany(candidates);
    const stale: EntryRef[] = [];
    let refused = '';
    for (const [i, hit] of candidates.entries()) {
      const entry = entries[i];
      if (!entry) {
        stale.push(hit);
        continue;
      }
      const verdict = cfg.verify ? verifyHit(req.queryText, entry.queryText) : 'accepted';
      if (verdict === 'accepted') {
        this.forget(stale);
        return this.hit(hit, entry, CacheStatus.HIT_SEMANTIC, hit.score, verdict);
      }
      this.d.metrics.rejections.inc({ reason: verdict });
      refused ||= verdict;
    }
    this.forget(stale);
    return this.miss(found[0]!.score, refused);
  }

  private hit(ref: EntryRef, e: CacheEntry, status: CacheStatus, similarity: number, verdict: string): Reply {
    this.d.store.touch([ref]);
    this.d.metrics.lookups.inc({ result: status === CacheStatus.HIT_EXACT ? 'hit_exact' : 'hit_semantic' });
    return { status, similarity, verdict, body: Buffer.from(e.body), servedModel: e.servedModel, usage: e.usage, entryId: e.key };
  }

  private miss(similarity: number, verdict: string): Reply {
    this.d.metrics.lookups.inc({ result: 'miss' });
    return { status: CacheStatus.MISS, similarity, verdict };
  }

  /** Index hits whose entry is gone (expired between sweeps): out of the index. */
  private forget(stale: EntryRef[]): void {
    if (stale.length) this.d.index.remove(stale).catch((err: unknown) => this.d.onError(err, 'stale index entries'));
  }
}
