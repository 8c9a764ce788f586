import { isHeldOut } from './pairs.js';
import type { PairResult } from './quality.js';
import { pickThreshold, served, sweep, type ThresholdRow } from './sweep.js';

/** The false-hit target of the issue: at most 0.5% of non-duplicates served. */
export const FALSE_HIT_TARGET = 0.005;

const pc = (x: number) => `${(100 * x).toFixed(1)}%`;

export interface EmbedderQuality {
  name: string;
  id: string;
  results: PairResult[];
  /** Picked on the dev half (even ids), reported on the held-out half and on all rows. */
  chosen: ThresholdRow;
  heldOut: ThresholdRow;
  all: ThresholdRow;
}

export function assess(name: string, id: string, results: PairResult[]): EmbedderQuality {
  const chosen = pickThreshold(sweep(results.filter((r) => !isHeldOut(r.pair))), FALSE_HIT_TARGET);
  const at = (rs: PairResult[]) => sweep(rs, [chosen.threshold])[0]!;
  return { name, id, results, chosen, heldOut: at(results.filter((r) => isHeldOut(r.pair))), all: at(results) };
}

export function sweepTable(q: EmbedderQuality): string {
  const lines = ['| threshold | paraphrase hits (verifier on) | hits (off) | false hits (on) | false hits (off) | precision of served hits |', '|---|---|---|---|---|---|'];
  for (const r of sweep(q.results)) {
    const mark = r.threshold === q.chosen.threshold ? ' **(default)**' : '';
    lines.push(`| ${r.threshold}${mark} | ${pc(r.hitRate)} | ${pc(r.hitRateNoVerify)} | ${pc(r.falseHitRate)} (${r.falseHits}) | ${pc(r.falseHitRateNoVerify)} | ${pc(r.precision)} |`);
  }
  return lines.join('\n');
}

export function perSource(q: EmbedderQuality): string {
  const t = q.chosen.threshold;
  const lines = ['| source | pairs | paraphrase hits | false hits | precision |', '|---|---|---|---|---|'];
  for (const source of [...new Set(q.results.map((r) => r.pair.source))].sort()) {
    const rs = q.results.filter((r) => r.pair.source === source);
    const [row] = sweep(rs, [t]);
    lines.push(`| ${source} | ${rs.length} | ${pc(row!.hitRate)} of ${row!.duplicates} | ${row!.negatives ? `${pc(row!.falseHitRate)} (${row!.falseHits} of ${row!.negatives})` : 'no negatives'} | ${pc(row!.precision)} |`);
  }
  return lines.join('\n');
}

/** Every false hit at the default, by id (the QQP texts stay out of the repo: look them up in the data file). */
export function falseHits(q: EmbedderQuality): PairResult[] {
  return q.results.filter((r) => !r.pair.duplicate && served(r, q.chosen.threshold)).sort((a, b) => b.similarity - a.similarity);
}

export function verdictTable(q: EmbedderQuality): string {
  const t = q.chosen.threshold;
  const above = q.results.filter((r) => r.similarity >= t);
  const counts = new Map<string, { dup: number; neg: number }>();
  for (const r of above) {
    const c = counts.get(r.verdict) ?? counts.set(r.verdict, { dup: 0, neg: 0 }).get(r.verdict)!;
    if (r.pair.duplicate) c.dup++;
    else c.neg++;
  }
  const lines = [`| verdict (pairs at ≥ ${t}) | paraphrases | non-duplicates |`, '|---|---|---|'];
  for (const [v, c] of [...counts].sort((a, b) => b[1].neg + b[1].dup - a[1].neg - a[1].dup)) lines.push(`| ${v} | ${c.dup} | ${c.neg} |`);
  return lines.join('\n');
}
