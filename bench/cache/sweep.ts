import type { PairResult } from './quality.js';

/** Rates at one threshold, with and without the verifier. */
export interface ThresholdRow {
  threshold: number;
  duplicates: number;
  negatives: number;
  hitRate: number;
  hitRateNoVerify: number;
  falseHitRate: number;
  falseHitRateNoVerify: number;
  falseHits: number;
  /** Share of served hits that were right, verifier on. */
  precision: number;
}

export const THRESHOLDS = [0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.995, 0.999];

export const served = (r: PairResult, t: number, verify = true): boolean => r.similarity >= t && (!verify || r.verdict === 'accepted');

export function sweep(results: readonly PairResult[], thresholds = THRESHOLDS): ThresholdRow[] {
  const dups = results.filter((r) => r.pair.duplicate);
  const negs = results.filter((r) => !r.pair.duplicate);
  const rate = (rs: readonly PairResult[], t: number, v: boolean) => (rs.length ? rs.filter((r) => served(r, t, v)).length / rs.length : 0);
  return thresholds.map((t) => {
    const tp = dups.filter((r) => served(r, t)).length;
    const fp = negs.filter((r) => served(r, t)).length;
    return {
      threshold: t,
      duplicates: dups.length,
      negatives: negs.length,
      hitRate: rate(dups, t, true),
      hitRateNoVerify: rate(dups, t, false),
      falseHitRate: rate(negs, t, true),
      falseHitRateNoVerify: rate(negs, t, false),
      falseHits: fp,
      precision: tp + fp ? tp / (tp + fp) : 1,
    };
  });
}

/** The lowest threshold whose false-hit rate (verifier on) stays within `target`: the most hits the target allows. */
export function pickThreshold(rows: readonly ThresholdRow[], target: number): ThresholdRow {
  return rows.find((r) => r.falseHitRate <= target && rows.filter((x) => x.threshold >= r.threshold).every((x) => x.falseHitRate <= target)) ?? rows.at(-1)!;
}
