/**
 * The embedder port: text → vector. `id` names the embedder and its settings;
 * it is part of every semantic partition, so vectors from two embedders are
 * never compared.
 */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
