import type { Row } from './dataset.js';

/** A detection as both sides report it. */
export interface Predicted {
  start: number;
  end: number;
  type: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const add = (m: Map<string, Counts>, k: string, f: keyof Counts) => {
  const c = m.get(k) ?? m.set(k, { tp: 0, fp: 0, fn: 0 }).get(k)!;
  c[f]++;
};

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Wilson 95% interval of a proportion k/n. */
export function wilson(k: number, n: number): [number, number] {
  if (!n) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

const inScope = (row: Row, type: string) => !row.scope || row.scope.has(type);

/**
 * (1) Token-level, type-agnostic, as presidio-research scores: a whitespace token
 * is protected when any in-scope prediction overlaps it. Recall is counted per
 * gold type, precision per predicted type; the overall figure is micro over tokens.
 */
export function tokenScores(rows: Row[], preds: Predicted[][]): { perType: Map<string, Counts>; overall: Counts } {
  const perType = new Map<string, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  rows.forEach((row, i) => {
    const p = preds[i]!.filter((x) => inScope(row, x.type));
    for (const m of row.text.matchAll(/\S+/g)) {
      const tok = { start: m.index, end: m.index + m[0].length };
      if (row.ignored.some((g) => overlap(g, tok))) continue;
      const gold = row.spans.find((g) => overlap(g, tok));
      const pred = p.find((x) => overlap(x, tok));
      if (gold && pred) {
        overall.tp++;
        add(perType, gold.type, 'tp');
      } else if (gold) {
        overall.fn++;
        add(perType, gold.type, 'fn');
      } else if (pred) {
        overall.fp++;
        add(perType, pred.type, 'fp');
      }
    }
  });
  return { perType, overall };
}

/**
 * (2) Span-level, typed: a gold span is found when a prediction of its type
 * covers at least half of it. A prediction that finds no gold span of its type
 * (and does not touch an ignored one) is a false positive.
 */
export function spanScores(rows: Row[], preds: Predicted[][]): { perType: Map<string, Counts>; overall: Counts } {
  const perType = new Map<string, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  rows.forEach((row, i) => {
    const p = preds[i]!.filter((x) => inScope(row, x.type));
    for (const g of row.spans) {
      const hit = p.some((x) => x.type === g.type && overlap(x, g) * 2 >= g.end - g.start);
      add(perType, g.type, hit ? 'tp' : 'fn');
      overall[hit ? 'tp' : 'fn']++;
    }
    for (const x of p) {
      if (row.spans.some((g) => g.type === x.type && overlap(x, g) * 2 >= g.end - g.start) || row.ignored.some((g) => overlap(g, x))) continue;
      add(perType, x.type, 'fp');
      overall.fp++;
    }
  });
  return { perType, overall };
}

/** Rows without any gold span (or ignored one) on which an in-scope detection fired. */
export function cleanRowFpRate(rows: Row[], preds: Predicted[][]): { rows: number; flagged: number } {
  let n = 0;
  let flagged = 0;
  rows.forEach((row, i) => {
    if (row.spans.length || row.ignored.length) return;
    n++;
    if (preds[i]!.some((x) => inScope(row, x.type))) flagged++;
  });
  return { rows: n, flagged };
}
