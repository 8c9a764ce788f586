import type { Embedder } from '@helix/cache';

const BATCH = 32;

/**
 * Embeds every text of a run up front, in batches, through the real embedder;
 * then the use cases' embed calls are answered from memory. Same vectors as the
 * adapter returns, without one HTTP round trip per question.
 */
export class PrefetchedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly vectors = new Map<string, Float32Array>();

  constructor(private readonly inner: Embedder) {
    this.id = inner.id;
    this.dimensions = inner.dimensions;
  }

  async prefetch(texts: readonly string[]): Promise<void> {
    const todo = [...new Set(texts)].filter((t) => !this.vectors.has(t));
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      (await this.inner.embed(batch)).forEach((v, j) => this.vectors.set(batch[j]!, v));
    }
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = texts.filter((t) => !this.vectors.has(t));
    if (missing.length) await this.prefetch(missing);
    return texts.map((t) => this.vectors.get(t)!);
  }
}
