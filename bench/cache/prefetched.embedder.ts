import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

  /** Vectors kept from an earlier run of the same embedder (the real model is slow on a shared machine). */
  load(file: string): void {
    if (!existsSync(file)) return;
    for (const [t, b64] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) {
      const b = Buffer.from(b64, 'base64');
      this.vectors.set(t, new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
    }
  }

  save(file: string): void {
    const out: Record<string, string> = {};
    for (const [t, v] of this.vectors) out[t] = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
    writeFileSync(file, JSON.stringify(out));
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
