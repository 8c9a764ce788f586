import type { Embedder } from '../embedder.js';
import { addFeature } from './feature-hash.js';
import { normalise, words } from './normalise.js';
import { stem } from './stem.js';
import { STOPWORDS, weightOf } from './word-weights.js';

/** Weights of the feature families; the defaults are what bench:cache measured best (docs/benchmarks.md). */
export interface BuiltinEmbedderOptions {
  dimensions: number;
  /** Stemmed words, times the word's weight. */
  unigram: number;
  /** Pairs of neighbouring content words (order kept). */
  bigram: number;
  /** Character n-grams of each content word, spread over its n-grams (typos, inflections). */
  chargram: number;
  /** n-gram lengths. */
  charMin: number;
  charMax: number;
}

export const DEFAULT_BUILTIN: BuiltinEmbedderOptions = { dimensions: 1024, unigram: 1, bigram: 0.5, chargram: 0.5, charMin: 3, charMax: 5 };

/**
 * The built-in embedder: no network, no model file. Feature hashing of
 * normalised text (contractions expanded, light stemming) into a signed vector:
 * words weighted by rarity (an inverse-frequency proxy from English word lists),
 * neighbouring content-word pairs, and character n-grams; then L2-normalised.
 * Lexical at heart: good at rewordings that keep the words, weak at synonyms.
 */
export class BuiltinEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;

  constructor(private readonly opts: BuiltinEmbedderOptions = DEFAULT_BUILTIN) {
    this.dimensions = opts.dimensions;
    this.id = `builtin-v1-${opts.dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): Float32Array {
    const o = this.opts;
    const v = new Float32Array(o.dimensions);
    const all = words(normalise(text));
    const content: string[] = [];
    for (const w of all) {
      const s = stem(w);
      const weight = weightOf(w);
      addFeature(v, `w:${s}`, o.unigram * weight);
      if (STOPWORDS.has(w)) continue;
      content.push(s);
      if (o.chargram > 0) this.chargrams(v, s, (o.chargram * weight));
    }
    for (let i = 1; i < content.length; i++) addFeature(v, `b:${content[i - 1]} ${content[i]}`, o.bigram);
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }

  private chargrams(v: Float32Array, word: string, weight: number): void {
    const padded = `<${word}>`;
    const grams: string[] = [];
    for (let n = this.opts.charMin; n <= this.opts.charMax; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    const each = weight / Math.sqrt(grams.length || 1);
    for (const g of grams) addFeature(v, `c:${g}`, each);
  }
}
