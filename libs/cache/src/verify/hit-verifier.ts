import { ANTONYMS } from './lexicon.js';
import { textFacts, type TextFacts } from './text-facts.js';

/** Why a semantic candidate was refused, or `accepted`. Recorded as `cache_verdict`. */
export type Verdict = 'accepted' | 'numbers' | 'dates' | 'negation' | 'programming_language' | 'output_constraints' | 'entities' | 'antonyms';

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Entities one side names that the other never mentions (as any word). */
function missingIn(a: TextFacts, b: TextFacts): boolean {
  for (const e of a.entities) if (!b.stems.has(e)) return true;
  return false;
}

function antonymSwap(a: TextFacts, b: TextFacts): boolean {
  for (const [x, y] of ANTONYMS) {
    const ax = a.stems.has(x), ay = a.stems.has(y), bx = b.stems.has(x), by = b.stems.has(y);
    if ((ax && !ay && by && !bx) || (ay && !ax && bx && !by)) return true;
  }
  return false;
}

/**
 * Checks a semantic candidate against the query before it is served: two
 * questions that embed close together can still want different answers
 * ("capital of France" / "capital of Germany", "in Python" / "in Java", "in 3
 * bullets" / "in 5 bullets"). Each rule is cheap and conservative; the first
 * that differs names the verdict.
 */
export function verifyHit(query: string, candidate: string): Verdict {
  const q = textFacts(query);
  const c = textFacts(candidate);
  if (!sameSet(q.numbers, c.numbers)) return 'numbers';
  if (!sameSet(q.dates, c.dates)) return 'dates';
  if (q.negated !== c.negated) return 'negation';
  if (!sameSet(q.programming, c.programming)) return 'programming_language';
  if (!sameSet(q.constraints, c.constraints)) return 'output_constraints';
  if (missingIn(q, c) || missingIn(c, q)) return 'entities';
  if (antonymSwap(q, c)) return 'antonyms';
  return 'accepted';
}
