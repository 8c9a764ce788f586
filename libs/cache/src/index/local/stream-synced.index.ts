import type { EntryRef } from '../../entry/cache-entry.js';
import { compareOffsets, type CacheStore, type IndexEvent, type StreamedEvent } from '../../store/cache-store.js';
import type { IndexedVector, VectorHit, VectorIndex } from '../vector-index.js';
import { DEFAULT_HNSW, type HnswOptions } from './hnsw-partition.js';
import { readSnapshot, writeSnapshot } from './index-snapshot.js';
import { LocalIndex } from './local-index.js';

export interface StreamSyncedOptions {
  dims: number;
  flatMax: number;
  hnsw?: HnswOptions;
  /** Where the snapshot lives; undefined = no snapshot (the in-memory store dies with the process anyway). */
  snapshotDir?: string;
  /** 0 = only at close. */
  snapshotIntervalMs: number;
  /** Logs a problem of the background loop (it retries). */
  onError(err: unknown, what: string): void;
  /** How long one blocking stream read waits, in ms. */
  blockMs?: number;
}

const PAGE = 1_000;

function concat(vectors: Int8Array[], dims: number): Int8Array {
  const out = new Int8Array(vectors.length * dims);
  vectors.forEach((v, i) => out.set(v, i * dims));
  return out;
}

/**
 * Adapter 2 of the semantic index: an in-process HNSW index on every replica,
 * kept in sync through the store's index stream (inserts and evictions). At
 * start it loads its snapshot and replays the stream after the snapshot's
 * offset, or rebuilds from the entries in the store when there is no usable
 * snapshot; `ready()` is false until then.
 */
export class StreamSyncedIndex implements VectorIndex {
  readonly kind = 'local';
  private index: LocalIndex;
  private offset = '0';
  private started = false;
  /** How the last start got its vectors: from the snapshot (then the stream), or by reading every entry. */
  loadedFrom: 'snapshot' | 'rebuild' | 'none' = 'none';
  private closed = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: CacheStore,
    private readonly opts: StreamSyncedOptions,
  ) {
    this.index = new LocalIndex(opts.dims, opts.flatMax, opts.hnsw ?? DEFAULT_HNSW);
  }

  ready(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    const snap = this.opts.snapshotDir ? readSnapshot(this.opts.snapshotDir, this.opts.dims, this.opts.flatMax, this.opts.hnsw ?? DEFAULT_HNSW) : undefined;
    const bounds = await this.store.streamBounds();
    const gap = !snap || (bounds.first !== '0' && compareOffsets(bounds.first, snap.offset) > 0 && snap.offset !== '0') || compareOffsets(snap.offset, bounds.last) > 0;
    if (snap && !gap) {
      this.index = snap.index;
      this.offset = snap.offset;
      this.loadedFrom = 'snapshot';
    } else {
      this.offset = bounds.last;
      await this.rebuild();
      this.loadedFrom = 'rebuild';
    }
    for (let batch = await this.store.readIndex(this.offset, PAGE, 0); batch.length; batch = await this.store.readIndex(this.offset, PAGE, 0)) this.apply(batch);
    this.started = true;
    this.loop = this.tail();
    if (this.opts.snapshotDir && this.opts.snapshotIntervalMs > 0) {
      this.timer = setInterval(() => this.snapshot(), this.opts.snapshotIntervalMs);
      this.timer.unref();
    }
  }

  async add(v: IndexedVector): Promise<void> {
    this.index.upsert(v, v.partition, v.vector);
    await this.store.appendIndex([{ op: 'add', scope: v.scope, key: v.key, partition: v.partition, embedder: v.embedder, expiresAtMs: v.expiresAtMs, vector: v.vector }]);
  }

  async remove(refs: readonly EntryRef[]): Promise<void> {
    for (const r of refs) this.index.remove(r);
    await this.store.appendIndex(refs.map((r): IndexEvent => ({ op: 'del', scope: r.scope, key: r.key })));
  }

  async search(partition: string, vector: Int8Array, k: number, minScore: number): Promise<VectorHit[]> {
    return this.index.search(partition, vector, k, minScore);
  }

  async size(): Promise<number> {
    return this.index.size;
  }

  /** Writes the snapshot now (also done on an interval and at close). */
  snapshot(): void {
    if (!this.opts.snapshotDir || !this.started) return;
    try {
      writeSnapshot(this.opts.snapshotDir, this.index, this.offset);
    } catch (err) {
      this.opts.onError(err, 'index snapshot');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.loop;
    this.snapshot();
  }

  private apply(batch: StreamedEvent[]): void {
    for (const { offset, event } of batch) {
      if (event.op === 'add') this.index.upsert(event, event.partition, event.vector);
      else this.index.remove(event);
      this.offset = offset;
    }
  }

  private async rebuild(): Promise<void> {
    for (const scope of await this.store.scopes()) {
      const metas = await this.store.metas(scope.id);
      for (let i = 0; i < metas.length; i += PAGE) {
        const refs = metas.slice(i, i + PAGE).map((m) => ({ scope: scope.id, key: m.key }));
        const byPartition = new Map<string, { refs: EntryRef[]; vectors: Int8Array[] }>();
        for (const e of await this.store.getMany(refs)) {
          if (!e?.vector || !e.partition || e.vector.length !== this.opts.dims) continue;
          const g = byPartition.get(e.partition) ?? byPartition.set(e.partition, { refs: [], vectors: [] }).get(e.partition)!;
          g.refs.push(e);
          g.vectors.push(e.vector);
        }
        for (const [p, g] of byPartition) this.index.bulkUpsert(p, g.refs, concat(g.vectors, this.opts.dims));
      }
    }
  }

  private async tail(): Promise<void> {
    while (!this.closed) {
      try {
        this.apply(await this.store.readIndex(this.offset, PAGE, this.opts.blockMs ?? 500));
      } catch (err) {
        if (this.closed) return;
        this.opts.onError(err, 'index stream');
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }
}
