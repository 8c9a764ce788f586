import { readFileSync } from 'node:fs';

/** One labelled pair of /work/shared/data/semantic-pairs.jsonl (read, never copied into the repo). */
export interface Pair {
  id: string;
  a: string;
  b: string;
  duplicate: boolean;
  source: string;
  negative_kind?: string;
  /** Chat turns before `a` (and before `b`, unless `context_b` differs). */
  context?: { role: string; content: string }[];
  context_b?: { role: string; content: string }[];
}

export function readPairs(path: string): Pair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pair);
}

/** Dev half (tuning) and held-out half (reporting), split by id parity so both keep every source. */
export const isHeldOut = (p: Pair): boolean => Number(p.id.replace(/\D/g, '')) % 2 === 1;
